/**
 * Osprey's webhook intake (`serveWebhook`, the same adapter and production dependencies the web
 * server uses) on a bare `node:http` server with no Next.js app in the process: separates the
 * cost of our intake from sharing a process with Next.js. Started as a child by
 * webhook.bench.ts.
 */
import { createServer } from 'node:http';
import { keepIdleConnections } from '../lib/http/keep-alive';
import { clientIpFrom } from '../lib/auth/client-ip';
import { CLIENT_IP_HEADER } from '../lib/auth/client-ip-header';
import { serveWebhook } from '../lib/signals/webhook-node-adapter';
import { getWebhookDeps } from '../lib/signals/webhook-runtime';

const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientIpFrom(req.socket.remoteAddress, undefined, 0);
  if (!serveWebhook(req, res, getWebhookDeps)) res.writeHead(404).end();
});
// The same connection handling as the web server's, so the comparison is of the handlers.
keepIdleConnections(server);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({
    type: 'ready',
    port: typeof address === 'object' && address ? address.port : 0,
  });
});
process.on('SIGTERM', () => {
  server.close();
  process.exit(0);
});
