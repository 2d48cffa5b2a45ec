/**
 * The web process: Next.js behind a small Node HTTP server. The server stamps every request with
 * the client address it actually sees (`x-osprey-client-ip`), overwriting anything the client
 * sent, so login throttling cannot be reset by a spoofed `X-Forwarded-For`; forwarded addresses
 * are trusted only for the configured number of proxy hops (TRUST_PROXY). Webhook alerts are
 * answered here directly (lib/signals/webhook-node-adapter.ts); everything else goes to Next.js.
 */
import { createServer } from 'node:http';
import next from 'next';
import { getConfig } from '../lib/config';
import { clientIpFrom } from '../lib/auth/client-ip';
import { CLIENT_IP_HEADER } from '../lib/auth/client-ip-header';
import { closeDb } from '../lib/db';
import { keepIdleConnections } from '../lib/http/keep-alive';
import { serveWebhook } from '../lib/signals/webhook-node-adapter';
import { getWebhookDeps } from '../lib/signals/webhook-runtime';
import { applyLocalEnv } from '../lib/runtime/local-env';
import { onShutdown } from '../lib/runtime/shutdown';

applyLocalEnv();
// Without a configured public URL, sign-in links follow the Host the browser used (self-hosted
// installs are reached by many names: localhost, a LAN address, a tunnel).
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
const config = getConfig();
const dev = process.argv.includes('--dev');
// tsx turns on Node's source-map support for the whole process (for our TypeScript, loaded
// above). Left on, every Next.js server chunk loaded from here on would have its source map parsed
// and kept in the heap: over a gigabyte for a production build. Next.js serves without them.
if (!dev) process.setSourceMapsEnabled(false);
const app = next({ dev, dir: process.cwd(), hostname: '0.0.0.0', port: config.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIpFrom(
    req.socket.remoteAddress,
    req.headers['x-forwarded-for'],
    config.TRUST_PROXY,
  );
  // TradingView alerts skip Next.js' request pipeline in production (same intake as the route).
  if (!dev && serveWebhook(req, res, getWebhookDeps)) return;
  void handle(req, res);
});
keepIdleConnections(server);
server.listen(config.PORT, () => {
  process.send?.({ type: 'ready', port: config.PORT });
  console.log(`[web] listening on :${config.PORT}${dev ? ' (dev)' : ''}`);
});

onShutdown('web', async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await app.close?.();
  await closeDb();
});
