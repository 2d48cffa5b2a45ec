import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePaperAccount } from '../../lib/db/queries/paper';
import { insertUser } from '../../lib/db/queries/users';
import { closeDb } from '../../lib/db';
import { createAccessToken } from '../../lib/signals/access-tokens';
import { createWebhookToken } from '../../lib/signals/webhook-tokens';
import { drainSignals } from '../../worker/jobs/signals';
import { createTestDatabase } from '../db/test-database';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
  // The route handlers build their dependencies from the environment, as in production.
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    MARKET_DATA_MODE: 'simulated',
  });
});
afterAll(async () => {
  await closeDb();
  await t.drop();
});

const ctx = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

describe('route handlers (HTTP mapping over the real runtime)', () => {
  it('webhook → 202 → worker executes; orders API with a personal access token; status; CSV', async () => {
    const user = await insertUser(t.db, {
      email: `${randomUUID()}@example.com`,
      name: 'Api',
      passwordHash: 'x',
    });
    await ensurePaperAccount(t.db, user.id, { startingBalance: '10000' });
    const { token } = await createWebhookToken(t.db, user.id, { label: 'tv' });
    const pat = await createAccessToken(
      t.db,
      user.id,
      { label: 'ci', scopes: ['read', 'trade'] },
      new Date(),
    );
    const auth = { authorization: `Bearer ${pat.token}` };

    const webhook = await import('../../app/api/webhooks/tradingview/[token]/route');
    const alert = 'ticker=BINANCE:BTCUSDT\naction=buy\nquote_amount=100\nalert_id=route-1';
    const reply = await webhook.POST(
      new Request('http://127.0.0.1/x', {
        method: 'POST',
        body: alert,
        headers: { 'content-type': 'text/plain' },
      }),
      ctx({ token }),
    );
    expect(reply.status).toBe(202);
    const { signalId } = (await reply.json()) as { signalId: string };
    const again = await webhook.POST(
      new Request('http://127.0.0.1/x', {
        method: 'POST',
        body: alert,
        headers: { 'content-type': 'text/plain' },
      }),
      ctx({ token }),
    );
    expect(await again.json()).toEqual({ status: 'duplicate', signalId });
    const { getTrading } = await import('../../lib/trading/runtime');
    expect(await drainSignals(getTrading().deps, { batch: 10, concurrency: 1 })).toBe(1);

    const orders = await import('../../app/api/orders/route');
    const list = await orders.GET(
      new Request('http://127.0.0.1/api/orders?limit=10', { headers: auth }),
      ctx({}),
    );
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { signalId: string; role: string }[] };
    expect(page.items.filter((o) => o.signalId === signalId && o.role === 'entry')).toHaveLength(1);
    const bad = await orders.POST(
      new Request('http://127.0.0.1/api/orders', {
        method: 'POST',
        body: JSON.stringify({ symbol: 'BTC/USDT', side: 'buy', type: 'limit' }),
        headers: auth,
      }),
      ctx({}),
    );
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields,
    ).toMatchObject({ price: expect.any(Array), quantity: expect.any(Array) });
    const noScope = await createAccessToken(
      t.db,
      user.id,
      { label: 'ro', scopes: ['read'] },
      new Date(),
    );
    const forbidden = await orders.POST(
      new Request('http://127.0.0.1/api/orders', {
        method: 'POST',
        body: '{}',
        headers: { authorization: `Bearer ${noScope.token}` },
      }),
      ctx({}),
    );
    expect(forbidden.status).toBe(403);

    const one = await import('../../app/api/orders/[id]/route');
    expect(
      (
        await one.GET(
          new Request('http://127.0.0.1/x', { headers: auth }),
          ctx({ id: randomUUID() }),
        )
      ).status,
    ).toBe(404);

    const status = await import('../../app/api/status/route');
    const viaWebhookToken = await status.GET(
      new Request('http://127.0.0.1/api/status', { headers: { authorization: `Bearer ${token}` } }),
      ctx({}),
    );
    expect(await viaWebhookToken.json()).toMatchObject({
      tradingState: 'active',
      openPositions: 1,
      tradesToday: 1,
    });
    expect(
      (
        await status.GET(
          new Request('http://127.0.0.1/api/status', {
            headers: { authorization: 'Bearer whk_nope' },
          }),
          ctx({}),
        )
      ).status,
    ).toBe(401);

    const exportRoute = await import('../../app/api/signals/export/route');
    const csv = await exportRoute.GET(
      new Request('http://127.0.0.1/api/signals/export', { headers: auth }),
      ctx({}),
    );
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[1]).toMatch(/,BTC\/USDT,buy,,,,tradingview,executed,$/);

    const spec = await import('../../app/api/openapi.json/route');
    expect(
      await (await spec.GET(new Request('http://127.0.0.1/x', { headers: auth }), ctx({}))).json(),
    ).toMatchObject({ openapi: '3.1.0' });
  });
});
