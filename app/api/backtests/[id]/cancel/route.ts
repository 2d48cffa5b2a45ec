import { withUser } from '@/lib/auth/route';
import { cancelUserBacktest } from '@/lib/backtests/backtests';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Cancels a queued or running run (409 when it already ended). */
export const POST = withUser<Context>(async (_request, context, user) => {
  const backtest = await cancelUserBacktest(getTrading().deps.db, user.id, await idParam(context));
  return Response.json({ backtest });
});
