import { exchangeAccountAad } from '../crypto/aad';
import { decryptSecret, encryptSecret, SecretBoxError, type KeyRing } from '../crypto/secret-box';
import type { Db } from '../db/client';
import { listAccountsWithKeys, updateExchangeAccount } from '../db/queries/exchange-accounts';

/**
 * Re-encrypts every account not yet on the ring's current key (each row in its own update).
 * A row whose key is not in the ring is left as it is and reported by id.
 */
export async function rotateExchangeKeys(
  db: Db,
  ring: KeyRing,
): Promise<{ rotated: number; current: number; unreadable: string[] }> {
  let rotated = 0;
  let current = 0;
  const unreadable: string[] = [];
  for (const account of await listAccountsWithKeys(db)) {
    if (account.keyId === ring.currentId) {
      current += 1;
      continue;
    }
    const reseal = (sealed: string, field: 'api_key' | 'api_secret') => {
      const aad = exchangeAccountAad(account.userId, account.id, field);
      return encryptSecret(decryptSecret(sealed, ring, aad), ring, aad);
    };
    let sealed: { apiKeyCiphertext: string; apiSecretCiphertext: string };
    try {
      sealed = {
        apiKeyCiphertext: reseal(account.apiKeyCiphertext!, 'api_key'),
        apiSecretCiphertext: reseal(account.apiSecretCiphertext!, 'api_secret'),
      };
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      unreadable.push(account.id);
      continue;
    }
    await updateExchangeAccount(db, account.id, { ...sealed, keyId: ring.currentId });
    rotated += 1;
  }
  return { rotated, current, unreadable };
}
