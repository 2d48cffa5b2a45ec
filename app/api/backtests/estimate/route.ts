import { withUser } from '@/lib/auth/route';
import { aiBacktestEnv } from '@/lib/backtests/ai-backtest-env';
import { estimateAiBacktest } from '@/lib/backtests/ai-backtest-estimate';
import { backtestRunSchema } from '@/lib/backtests/backtest-input';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/**
 * An AI backtest's estimate before it is queued: decision points, cached, provider calls,
 * estimated cost and whether it is within the caps. 400 with field errors on bad input.
 */
export const POST = withUser(async (request, _context, user) => {
  const input = parseOrThrow(backtestRunSchema, await readJson(request));
  const estimate = await estimateAiBacktest(getTrading().deps.db, user.id, input, aiBacktestEnv());
  return Response.json({ estimate });
});
