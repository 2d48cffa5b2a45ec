import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import {
  deleteExchangeAccount,
  findDefaultExchangeAccount,
  findUserExchangeAccount,
  insertExchangeAccount,
  listExchangeAccounts,
  setDefaultExchangeAccount,
  updateExchangeAccount,
} from './exchange-accounts';
import { ensurePaperAccount } from './paper';
import { insertUser } from './users';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const newUser = () =>
  insertUser(t.db, { email: `${randomUUID()}@example.com`, name: 'U', passwordHash: 'x' });

describe('exchange accounts', () => {
  it('stores keys as given, keeps one default per user, and scopes by owner', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const paper = await ensurePaperAccount(t.db, alice.id);
    const binance = await insertExchangeAccount(t.db, {
      userId: alice.id,
      venue: 'binance',
      label: 'Main',
      isTestnet: true,
      apiKeyCiphertext: 'k-cipher',
      apiSecretCiphertext: 's-cipher',
      keyId: 'v1',
    });
    expect((await listExchangeAccounts(t.db, alice.id)).map((a) => a.venue)).toEqual([
      'paper',
      'binance',
    ]);
    expect((await findDefaultExchangeAccount(t.db, alice.id))?.id).toBe(paper.id);
    await expect(
      insertExchangeAccount(t.db, { userId: alice.id, venue: 'paper', label: 'Second paper' }),
    ).rejects.toThrow();

    expect(await setDefaultExchangeAccount(t.db, { userId: bob.id, id: binance.id })).toBe(false);
    expect(await setDefaultExchangeAccount(t.db, { userId: alice.id, id: binance.id })).toBe(true);
    expect((await findDefaultExchangeAccount(t.db, alice.id))?.id).toBe(binance.id);
    expect((await listExchangeAccounts(t.db, alice.id)).filter((a) => a.isDefault)).toHaveLength(1);

    const updated = await updateExchangeAccount(t.db, binance.id, {
      label: 'Renamed',
      keyId: 'v2',
    });
    expect(updated).toMatchObject({ label: 'Renamed', keyId: 'v2', apiKeyCiphertext: 'k-cipher' });
    expect(await findUserExchangeAccount(t.db, { userId: bob.id, id: binance.id })).toBeUndefined();
    expect(await deleteExchangeAccount(t.db, { userId: bob.id, id: binance.id })).toBe(false);
    expect(await deleteExchangeAccount(t.db, { userId: alice.id, id: binance.id })).toBe(true);
    expect((await listExchangeAccounts(t.db, alice.id)).map((a) => a.id)).toEqual([paper.id]);
  });
});
