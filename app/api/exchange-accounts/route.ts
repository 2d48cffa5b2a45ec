import { withUser } from '@/lib/auth/route';
import { exchangeAccountInputSchema } from '@/lib/accounts/exchange-account-input';
import {
  addExchangeAccount,
  listPublicAccounts,
  toPublicAccount,
} from '@/lib/accounts/exchange-accounts';
import { getKeyRing } from '@/lib/crypto/key-ring';
import { getDb } from '@/lib/db';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';

export const dynamic = 'force-dynamic';

/** The user's exchange accounts, masked (never any key material). */
export const GET = withUser(async (_request, _context, user) => {
  return Response.json({ accounts: await listPublicAccounts(getDb(), user.id, getKeyRing()) });
});

export const POST = withUser(async (request, _context, user) => {
  const input = parseOrThrow(exchangeAccountInputSchema, await readJson(request, 8 * 1024));
  const account = await addExchangeAccount(getDb(), user.id, input, getKeyRing());
  return Response.json({ account: toPublicAccount(account, getKeyRing()) }, { status: 201 });
});
