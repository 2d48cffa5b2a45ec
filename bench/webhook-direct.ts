/**
 * Osprey's own webhook intake (`webhookResponse` with the production dependencies) behind a bare
 * `node:http` server instead of Next.js: separates the cost of our logic from the framework's.
 * Started as a child by webhook.bench.ts.
 */
import { createServer } from 'node:http';
import { webhookResponse } from '../lib/signals/webhook-http';
import { getWebhookDeps } from '../lib/signals/webhook-runtime';

const deps = getWebhookDeps();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: Buffer.concat(chunks),
      });
      const response = await webhookResponse(deps, request, (req.url ?? '').split('/').pop());
      res
        .writeHead(response.status, { 'content-type': 'application/json' })
        .end(await response.text());
    })();
  });
});
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
