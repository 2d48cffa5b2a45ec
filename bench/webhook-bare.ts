/**
 * The floor for the webhook benchmark: a bare `node:http` server doing the same essential work
 * per alert — read the body, JSON.parse, hash the token and look it up, insert a signal row —
 * with none of Osprey's framework, validation or symbol resolution. Its signals are queued like
 * Osprey's, so the worker executes them too and the phases compete for the CPU alike. Started
 * as a child by webhook.bench.ts.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { keepIdleConnections } from '../lib/http/keep-alive';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => undefined });
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const token = (req.url ?? '').split('/').pop() ?? '';
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
        const hash = createHash('sha256').update(token).digest('hex');
        const [row] = await sql<{ user_id: string; account_id: string }[]>`
          select t.user_id, a.id as account_id from webhook_tokens t join exchange_accounts a on a.user_id = t.user_id
          where t.token_hash = ${hash} and t.revoked_at is null limit 1`;
        if (!row) {
          res.writeHead(401).end();
          return;
        }
        const [signal] = await sql<{ id: string }[]>`
          insert into signals (user_id, exchange_account_id, source, symbol, action, quote_amount, dedupe_key, payload)
          values (${row.user_id}, ${row.account_id}, 'tradingview', 'BTC/USDT', 'buy', ${body.quote_amount ?? null}, ${`bare:${body.alert_id}`}, ${sql.json(body)})
          on conflict do nothing returning id`;
        res
          .writeHead(202, { 'content-type': 'application/json' })
          .end(JSON.stringify({ signalId: signal?.id, status: 'queued' }));
      } catch {
        res.writeHead(400).end();
      }
    })();
  });
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
  void sql.end({ timeout: 2 }).then(() => process.exit(0));
});
