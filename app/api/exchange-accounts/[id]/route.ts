import { withUser } from '@/lib/auth/route';
import { removeExchangeAccount } from '@/lib/accounts/exchange-accounts';
import { getDb } from '@/lib/db';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

export const DELETE = withUser<Context>(async (_request, context, user) => {
  const id = await idParam(context);
  await removeExchangeAccount(getDb(), user.id, id);
  getTrading().registry.forget(id);
  return new Response(null, { status: 204 });
});
