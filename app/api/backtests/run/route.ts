import { withUser } from '@/lib/auth/route';
import { aiBacktestEnv } from '@/lib/backtests/ai-backtest-env';
import { backtestRunSchema } from '@/lib/backtests/backtest-input';
import { queueBacktest } from '@/lib/backtests/backtests';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** Queues a backtest for the worker: 202 with the run; 400 with field errors on bad input. */
export const POST = withUser(async (request, _context, user) => {
  const input = parseOrThrow(backtestRunSchema, await readJson(request));
  const backtest = await queueBacktest(getTrading().deps.db, user.id, input, aiBacktestEnv());
  return Response.json({ backtest }, { status: 202 });
});
