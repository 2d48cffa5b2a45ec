import { idParam } from '@/lib/http/id-param';
import { withApiUser } from '@/lib/signals/with-api-user';
import { closeUserPosition } from '@/lib/trading/close-user-position';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Closes one of the user's open positions at market (exit reason `manual`); session or access token with `trade`. */
export const POST = withApiUser<Context>('trade', async (_request, context, user) => {
  const result = await closeUserPosition(getTrading().deps, user.id, await idParam(context));
  return Response.json(result, { status: result.status === 'pending' ? 202 : 200 });
});
