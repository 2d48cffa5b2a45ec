import { eq } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { startFakeBinance, type FakeBinance } from '../../test/fake-binance';
import { keyRingFromHex } from '../crypto/secret-box';
import { insertUser } from '../db/queries/users';
import { exchangeAccounts, systemLogs } from '../db/schema';
import { createExchangeRegistry } from '../trading/exchange-registry';
import { addExchangeAccount, listPublicAccounts, removeExchangeAccount } from './exchange-accounts';
import { testConnection } from './test-connection';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeBinance;
let risky: FakeBinance;
beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeBinance({ balances: { USDT: '1234.5', BTC: '0.01' } });
  risky = await startFakeBinance({ withdrawalsEnabled: true });
});
afterAll(async () => {
  await fake.close();
  await risky.close();
  await t.drop();
});

const ring = keyRingFromHex(randomBytes(32).toString('hex'));
const registryFor = (url: string) =>
  createExchangeRegistry({
    db: t.db,
    keyRing: ring,
    marketDataMode: 'simulated',
    urlsOverride: url,
  });
const newUser = () =>
  insertUser(t.db, { email: `${randomUUID()}@example.com`, name: 'U', passwordHash: 'x' });

describe('exchange accounts', () => {
  it('stores keys encrypted, shows only a hint, and never leaks the secret', async () => {
    const user = await newUser();
    const account = await addExchangeAccount(
      t.db,
      user.id,
      {
        venue: 'binance',
        label: 'Main',
        isTestnet: true,
        apiKey: fake.apiKey,
        apiSecret: fake.secret,
      },
      ring,
    );
    const [row] = await t.db
      .select()
      .from(exchangeAccounts)
      .where(eq(exchangeAccounts.id, account.id));
    expect(row!.apiSecretCiphertext).not.toContain(fake.secret);
    expect(row!.keyId).toBe(ring.currentId);
    const listed = await listPublicAccounts(t.db, user.id, ring);
    expect(listed).toEqual([
      expect.objectContaining({
        label: 'Main',
        venue: 'binance',
        apiKeyHint: `••••${fake.apiKey.slice(-4)}`,
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(fake.secret);

    const report = await testConnection(t.db, user.id, account.id, (a) =>
      registryFor(fake.url).exchangeFor(a),
    );
    // Binance's testnet has no key-permission endpoint: unknown, not an error.
    expect(report).toMatchObject({ ok: true, withdrawalsEnabled: null, warning: null });
    expect(report.ok && report.balances.map((b) => b.asset).sort()).toEqual(['BTC', 'USDT']);
    const logs = await t.db.select().from(systemLogs);
    expect(JSON.stringify(logs)).not.toContain(fake.secret);
  });

  it('warns when the keys can withdraw, and reports a wrong secret without echoing it', async () => {
    const user = await newUser();
    const ok = await addExchangeAccount(
      t.db,
      user.id,
      {
        venue: 'binance',
        label: 'Risky',
        isTestnet: false,
        apiKey: risky.apiKey,
        apiSecret: risky.secret,
      },
      ring,
    );
    expect(
      await testConnection(t.db, user.id, ok.id, (a) => registryFor(risky.url).exchangeFor(a)),
    ).toMatchObject({
      ok: true,
      withdrawalsEnabled: true,
      warning: expect.stringContaining('can withdraw'),
    });
    const wrongSecret = 'definitely-not-the-secret-1234';
    const bad = await addExchangeAccount(
      t.db,
      user.id,
      {
        venue: 'binance',
        label: 'Bad',
        isTestnet: true,
        apiKey: fake.apiKey,
        apiSecret: wrongSecret,
      },
      ring,
    );
    const report = await testConnection(t.db, user.id, bad.id, (a) =>
      registryFor(fake.url).exchangeFor(a),
    );
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).not.toContain(wrongSecret);
  });

  it("never reaches another user's account, and keeps the paper account", async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const account = await addExchangeAccount(
      t.db,
      alice.id,
      {
        venue: 'alpaca',
        label: 'A',
        isTestnet: true,
        apiKey: 'alice-key-123',
        apiSecret: 'alice-secret-123',
      },
      ring,
    );
    await expect(
      testConnection(t.db, bob.id, account.id, () => Promise.reject(new Error('unreachable'))),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeExchangeAccount(t.db, bob.id, account.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await removeExchangeAccount(t.db, alice.id, account.id);
    expect(await listPublicAccounts(t.db, alice.id, ring)).toEqual([]);
  });
});

describe('key rotation', () => {
  it('re-encrypts with the new key; the old key is no longer needed', async () => {
    const { rotateExchangeKeys } = await import('./rotate-keys');
    const user = await newUser();
    const oldHex = randomBytes(32).toString('hex');
    const oldRing = keyRingFromHex(oldHex);
    const account = await addExchangeAccount(
      t.db,
      user.id,
      {
        venue: 'binance',
        label: 'R',
        isTestnet: true,
        apiKey: 'rotate-key-1234',
        apiSecret: 'rotate-secret-1234',
      },
      oldRing,
    );
    const newHex = randomBytes(32).toString('hex');
    const report = await rotateExchangeKeys(t.db, keyRingFromHex(newHex, [oldHex]));
    expect(report.rotated).toBeGreaterThanOrEqual(1);
    const onlyNew = keyRingFromHex(newHex);
    const [listed] = (await listPublicAccounts(t.db, user.id, onlyNew)).filter(
      (a) => a.id === account.id,
    );
    expect(listed!.apiKeyHint).toBe('••••1234');
  });
});
