import { withUser } from '@/lib/auth/route';
import { testConnection } from '@/lib/accounts/test-connection';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** "Test connection": balances, and whether the keys can withdraw (warned against). */
export const POST = withUser<Context>(async (_request, context, user) => {
  const { deps } = getTrading();
  return Response.json(
    await testConnection(deps.db, user.id, await idParam(context), (account) =>
      deps.exchangeFor(account),
    ),
  );
});
