import { withUser } from '@/lib/auth/route';
import { getBacktestOrThrow, removeBacktest } from '@/lib/backtests/backtests';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** One run with its full result (config, metrics, trades, display curves). */
export const GET = withUser<Context>(async (_request, context, user) => {
  const backtest = await getBacktestOrThrow(getTrading().deps.db, user.id, await idParam(context));
  return Response.json({ backtest });
});

export const DELETE = withUser<Context>(async (_request, context, user) => {
  await removeBacktest(getTrading().deps.db, user.id, await idParam(context));
  return new Response(null, { status: 204 });
});
