import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, signals } from '../../lib/db/schema';
import { createTestDatabase } from '../db/test-database';
import { hostileCorpus } from './hostile-corpus';
import { createWebhookFixture, validAlert } from './webhook-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('webhook intake: hostile and malformed requests', () => {
  it('answers every case of the corpus with its 4xx, stores nothing and places no order', async () => {
    const f = await createWebhookFixture(t.db, { rateBurst: 10_000 });
    const corpus = hostileCorpus(f.now());
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const wrong: string[] = [];
    for (const c of corpus) {
      const reply = await f.post(c.body, {
        token: c.token,
        contentType: c.contentType ?? 'application/json',
        headers: c.headers,
      });
      if (reply.status !== c.status)
        wrong.push(`${c.name}: ${reply.status} ${JSON.stringify(reply.body)}`);
      expect(reply.body.error?.message, c.name).toEqual(expect.any(String));
    }
    expect(wrong).toEqual([]);
    expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toHaveLength(0);
    expect(await t.db.select().from(orders).where(eq(orders.userId, f.user.id))).toHaveLength(0);
  });

  it('lists every field error in one 400', async () => {
    const f = await createWebhookFixture(t.db);
    const reply = await f.post(
      JSON.stringify({ ticker: 42, action: 'moon', contracts: 'lots', confidence: 'high' }),
    );
    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.error!.fields!).sort()).toEqual([
      'action',
      'confidence',
      'quantity',
      'symbol',
    ]);
  });

  it('refuses a revoked token and a token from a disallowed address', async () => {
    const f = await createWebhookFixture(t.db);
    const { revokeWebhookToken, createWebhookToken } =
      await import('../../lib/signals/webhook-tokens');
    const { findLiveWebhookToken } = await import('../../lib/db/queries/webhook-tokens');
    const { hashToken } = await import('../../lib/signals/token-secret');
    const row = await findLiveWebhookToken(t.db, hashToken(f.token));
    await revokeWebhookToken(t.db, f.user.id, row!.id, f.deps.now());
    expect((await f.post(JSON.stringify(validAlert(f.now())))).status).toBe(401);

    const fenced = await createWebhookToken(t.db, f.user.id, {
      label: 'fenced',
      allowedIps: ['52.89.214.238'],
    });
    const from = (ip: string) =>
      f.post(JSON.stringify(validAlert(f.now(), { alert_id: ip })), {
        token: fenced.token,
        headers: { 'x-osprey-client-ip': ip },
      });
    expect((await from('10.0.0.1')).status).toBe(403);
    expect((await from('52.89.214.238')).status).toBe(202);
  });

  it('throttles a token past its burst with 429 and stores only what it accepted', async () => {
    const f = await createWebhookFixture(t.db, { rateBurst: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push(
        (await f.post(JSON.stringify(validAlert(f.now(), { alert_id: `a${i}` })))).status,
      );
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
    expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toHaveLength(3);
  });

  it('checks an HMAC signature when sent, and requires it when the token says so', async () => {
    const f = await createWebhookFixture(t.db);
    const { signBody } = await import('../../lib/signals/token-secret');
    const { createWebhookToken } = await import('../../lib/signals/webhook-tokens');
    const signed = await createWebhookToken(t.db, f.user.id, {
      label: 'signed',
      requireSignature: true,
    });
    const body = JSON.stringify(validAlert(f.now(), { alert_id: 'sig-1' }));
    expect((await f.post(body, { token: signed.token })).status).toBe(401);
    expect(
      (
        await f.post(body, {
          token: signed.token,
          headers: { 'x-osprey-signature': signBody(signed.token, body) },
        })
      ).status,
    ).toBe(202);
  });
});
