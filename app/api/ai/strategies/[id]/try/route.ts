import { withUser } from '@/lib/auth/route';
import { tryStrategy, tryStrategySchema } from '@/lib/ai-runtime';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { idParam } from '@/lib/http/id-param';
import { readJson } from '@/lib/http/read-json';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/**
 * "Try now": one decision on the current market for `symbol` (+ `timeframe`, optional
 * `versionId`); returns the decision and its ledger row (prompt, tokens, cost). Never trades.
 */
export const POST = withUser<Context>(async (request, context, user) => {
  const input = parseOrThrow(tryStrategySchema, await readJson(request));
  const result = await tryStrategy(getTrading().deps, user.id, await idParam(context), input, {
    signal: request.signal,
  });
  return Response.json(result);
});
