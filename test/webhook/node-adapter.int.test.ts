import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { NextConfig } from 'next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIpFrom } from '../../lib/auth/client-ip';
import { CLIENT_IP_HEADER } from '../../lib/auth/client-ip-header';
import { orders, signals } from '../../lib/db/schema';
import type { WebhookDeps } from '../../lib/signals/receive-webhook';
import { WEBHOOK_RESPONSE_HEADERS, serveWebhook } from '../../lib/signals/webhook-node-adapter';
import {
  createWebhookToken,
  revokeWebhookToken,
  userWebhookTokens,
} from '../../lib/signals/webhook-tokens';
import { createTestDatabase } from '../db/test-database';
import { hostileCorpus } from './hostile-corpus';
import { createWebhookFixture, validAlert } from './webhook-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** The web server's request handling (scripts/web-server.ts) on an ephemeral port; Next.js → 404. */
async function webServer(deps: WebhookDeps, trustProxy = 0) {
  const server: Server = createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIpFrom(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      trustProxy,
    );
    if (serveWebhook(req, res, () => deps)) return;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const send = (
    path: string,
    body: string | Buffer,
    init: { method?: string; headers?: Record<string, string>; chunked?: boolean } = {},
  ) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method: init.method ?? 'POST',
            headers: {
              'content-type': 'application/json',
              ...(init.chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
              ...init.headers,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        req.on('error', reject);
        if (init.chunked && typeof body !== 'string') {
          for (let i = 0; i < body.length; i += 16 * 1024)
            req.write(body.subarray(i, i + 16 * 1024));
          req.end();
        } else req.end(body);
      },
    );
  return { send, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const tokenPath = (token: string | null | undefined, valid: string) => {
  const value = token === undefined ? valid : token;
  return value === null
    ? '/api/webhooks/tradingview'
    : `/api/webhooks/tradingview/${encodeURIComponent(value)}`;
};

describe('webhook on the web server (node:http adapter) answers exactly like the Next.js route', () => {
  it('gives every corpus case the same status and body as the route function', async () => {
    const f = await createWebhookFixture(t.db, { rateBurst: 10_000 });
    const server = await webServer(f.webhook);
    try {
      const corpus = hostileCorpus(f.now());
      const mismatches: string[] = [];
      for (const c of corpus) {
        const contentType = c.contentType ?? 'application/json';
        const viaRoute = await f.post(c.body, { token: c.token, contentType, headers: c.headers });
        const viaServer = await server.send(tokenPath(c.token, f.token), c.body, {
          headers: { 'content-type': contentType, ...c.headers },
        });
        if (viaServer.status !== c.status || viaServer.status !== viaRoute.status)
          mismatches.push(`${c.name}: server ${viaServer.status}, route ${viaRoute.status}`);
        else expect(JSON.parse(viaServer.body), c.name).toEqual(viaRoute.body);
      }
      expect(mismatches).toEqual([]);
      expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toEqual([]);
      expect(await t.db.select().from(orders).where(eq(orders.userId, f.user.id))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('queues a valid alert once across both paths, with the configured headers', async () => {
    const f = await createWebhookFixture(t.db);
    const server = await webServer(f.webhook);
    try {
      const alert = validAlert(f.now(), { alert_id: 'parity-1', strategy: 'ema' });
      const first = await server.send(tokenPath(undefined, f.token), JSON.stringify(alert));
      expect(first.status).toBe(202);
      const { signalId } = JSON.parse(first.body) as { signalId: string };
      expect(first.headers['content-type']).toBe('application/json');
      const configUrl = new URL('../../next.config.mjs', import.meta.url).href;
      const config = (await import(configUrl)) as { default: NextConfig };
      const configured = (await config.default.headers!())[0]!.headers;
      for (const h of configured)
        expect(first.headers[h.key.toLowerCase()], h.key).toBe(
          WEBHOOK_RESPONSE_HEADERS[h.key.toLowerCase()],
        );
      expect(configured.length).toBe(Object.keys(WEBHOOK_RESPONSE_HEADERS).length - 1);

      // The same alert as text/plain, through the route function, and via Bearer: one signal.
      const asText = Object.entries(alert)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join('\n');
      const replies = [
        await server.send(tokenPath(undefined, f.token), asText, {
          headers: { 'content-type': 'text/plain' },
        }),
        await server.send(tokenPath(null, f.token), JSON.stringify(alert), {
          headers: { authorization: `Bearer ${f.token}` },
        }),
      ];
      for (const r of replies)
        expect(JSON.parse(r.body)).toEqual({ status: 'duplicate', signalId });
      expect((await f.post(JSON.stringify(alert))).body).toEqual({ status: 'duplicate', signalId });
      expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toHaveLength(
        1,
      );
    } finally {
      await server.close();
    }
  });

  it('refuses bodies over 64 KB with or without a length, and leaves other requests to Next.js', async () => {
    const f = await createWebhookFixture(t.db);
    const server = await webServer(f.webhook);
    try {
      const big = Buffer.alloc(2 * 1024 * 1024, 'a');
      for (const chunked of [false, true]) {
        const reply = await server.send(tokenPath(undefined, f.token), big, { chunked });
        expect(reply.status, `chunked: ${chunked}`).toBe(413);
        expect(JSON.parse(reply.body)).toEqual((await f.post(big.toString())).body);
      }
      const alert = JSON.stringify(validAlert(f.now(), { alert_id: 'parity-get' }));
      for (const [method, path] of [
        ['GET', tokenPath(undefined, f.token)],
        ['POST', '/api/webhooks/tradingview/'],
        ['POST', `/api/webhooks/tradingview/${f.token}/x`],
        ['POST', '/api/webhooks/other'],
        ['POST', '/api/webhooks/tradingview/%E0%A4%A'],
      ] as const)
        expect((await server.send(path, alert, { method })).body, `${method} ${path}`).toBe('next');
      expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('stops accepting a token revoked after use at once, although tokens are cached briefly', async () => {
    const f = await createWebhookFixture(t.db);
    const server = await webServer(f.webhook);
    try {
      const send = (id: string) =>
        server.send(
          tokenPath(undefined, f.token),
          JSON.stringify(validAlert(f.now(), { alert_id: id })),
        );
      expect((await send('cached-1')).status).toBe(202);
      const [view] = await userWebhookTokens(t.db, f.user.id);
      await revokeWebhookToken(t.db, f.user.id, view!.id, f.deps.now());
      expect((await send('cached-2')).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('applies the IP allowlist to the address the server trusts (TRUST_PROXY hops)', async () => {
    const f = await createWebhookFixture(t.db);
    const fenced = await createWebhookToken(t.db, f.user.id, {
      label: 'fenced',
      allowedIps: ['52.89.214.238'],
    });
    const direct = await webServer(f.webhook, 0);
    const proxied = await webServer(f.webhook, 1);
    try {
      const body = (id: string) => JSON.stringify(validAlert(f.now(), { alert_id: id }));
      const spoofed = { 'x-forwarded-for': '52.89.214.238', [CLIENT_IP_HEADER]: '52.89.214.238' };
      expect(
        (await direct.send(tokenPath(fenced.token, ''), body('ip-1'), { headers: spoofed })).status,
      ).toBe(403);
      expect(
        (await proxied.send(tokenPath(fenced.token, ''), body('ip-2'), { headers: spoofed }))
          .status,
      ).toBe(202);
      expect(
        (
          await proxied.send(tokenPath(fenced.token, ''), body('ip-3'), {
            headers: { 'x-forwarded-for': '10.0.0.1' },
          })
        ).status,
      ).toBe(403);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});
