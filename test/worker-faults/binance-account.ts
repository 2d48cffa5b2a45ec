import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { exchangeAccountAad } from '../../lib/crypto/aad';
import { encryptSecret, keyRingFromHex } from '../../lib/crypto/secret-box';
import type { Db } from '../../lib/db/client';
import { insertUser } from '../../lib/db/queries/users';
import { exchangeAccounts, type ExchangeAccount, type User } from '../../lib/db/schema';

/**
 * A user with a Binance account whose keys (the fake's) are stored encrypted and bound to the
 * row, exactly as the app stores them; `keyHex` is the ring a worker needs to decrypt them.
 */
export async function createBinanceAccount(
  db: Db,
  keys: { apiKey: string; secret: string },
): Promise<{ user: User; account: ExchangeAccount; keyHex: string }> {
  const keyHex = randomBytes(32).toString('hex');
  const ring = keyRingFromHex(keyHex);
  const user = await insertUser(db, {
    email: `${randomUUID()}@example.com`,
    name: 'Fault tester',
    passwordHash: 'x',
  });
  const [draft] = await db
    .insert(exchangeAccounts)
    .values({ userId: user.id, venue: 'binance', label: 'Fake Binance' })
    .returning();
  const [account] = await db
    .update(exchangeAccounts)
    .set({
      apiKeyCiphertext: encryptSecret(
        keys.apiKey,
        ring,
        exchangeAccountAad(user.id, draft!.id, 'api_key'),
      ),
      apiSecretCiphertext: encryptSecret(
        keys.secret,
        ring,
        exchangeAccountAad(user.id, draft!.id, 'api_secret'),
      ),
      keyId: ring.currentId,
    })
    .where(eq(exchangeAccounts.id, draft!.id))
    .returning();
  return { user, account: account!, keyHex };
}
