import { randomUUID } from 'node:crypto';
import { exchangeAccountAad } from '../crypto/aad';
import { decryptSecret, encryptSecret, type KeyRing } from '../crypto/secret-box';
import type { Db } from '../db/client';
import {
  deleteExchangeAccount,
  findUserExchangeAccount,
  insertExchangeAccount,
  listExchangeAccounts,
} from '../db/queries/exchange-accounts';
import type { ExchangeAccount } from '../db/schema';
import { AppError } from '../errors/app-error';
import type { ExchangeInput } from './types';
import type { ExchangeAccountInput } from './exchange-account-input';

/** What a browser may see of an account: never key material, only the last 4 of the API key. */
export interface PublicExchangeAccount {
  id: string;
  venue: ExchangeAccount['venue'];
  label: string;
  isTestnet: boolean;
  isDefault: boolean;
  apiKeyHint: string | null;
  createdAt: string;
}

export function toPublicAccount(account: ExchangeAccount, ring: KeyRing): PublicExchangeAccount {
  let apiKeyHint: string | null = null;
  if (account.apiKeyCiphertext) {
    try {
      const key = decryptSecret(
        account.apiKeyCiphertext,
        ring,
        exchangeAccountAad(account.userId, account.id, 'api_key'),
      );
      apiKeyHint = `••••${key.slice(-4)}`;
    } catch {
      apiKeyHint = 'unreadable (encryption key changed?)';
    }
  }
  return {
    id: account.id,
    venue: account.venue,
    label: account.label,
    isTestnet: account.isTestnet,
    isDefault: account.isDefault,
    apiKeyHint,
    createdAt: account.createdAt.toISOString(),
  };
}

export async function listPublicAccounts(
  db: Db,
  userId: string,
  ring: KeyRing,
): Promise<PublicExchangeAccount[]> {
  return (await listExchangeAccounts(db, userId)).map((a) => toPublicAccount(a, ring));
}

/** Stores a live venue account with both keys encrypted and bound to this user and row. */
export async function addExchangeAccount(
  db: Db,
  userId: string,
  input: ExchangeAccountInput,
  ring: KeyRing,
): Promise<ExchangeAccount> {
  const id = randomUUID();
  return insertExchangeAccount(db, {
    id,
    userId,
    venue: input.venue,
    label: input.label,
    isTestnet: input.isTestnet,
    apiKeyCiphertext: encryptSecret(input.apiKey, ring, exchangeAccountAad(userId, id, 'api_key')),
    apiSecretCiphertext: encryptSecret(
      input.apiSecret,
      ring,
      exchangeAccountAad(userId, id, 'api_secret'),
    ),
    keyId: ring.currentId,
  });
}

export async function getUserAccountOrThrow(
  db: Db,
  userId: string,
  id: string,
): Promise<ExchangeAccount> {
  const account = await findUserExchangeAccount(db, { userId, id });
  if (!account) throw new AppError('not_found', 'Exchange account not found.');
  return account;
}

/** Removes a live account; the paper account stays, and an account bots still use cannot go. */
export async function removeExchangeAccount(db: Db, userId: string, id: string): Promise<void> {
  const account = await getUserAccountOrThrow(db, userId, id);
  if (account.venue === 'paper')
    throw new AppError('unprocessable', 'The paper account cannot be removed; reset it instead.');
  try {
    await deleteExchangeAccount(db, { userId, id });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23503')
      throw new AppError(
        'conflict',
        'Bots still trade on this account; delete or move them first.',
      );
    throw error;
  }
}

export type { ExchangeInput };
