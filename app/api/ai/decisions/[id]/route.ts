import { withUser } from '@/lib/auth/route';
import { getDecisionDetail } from '@/lib/ai-runtime';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** One decision: prompt, raw response, parsed, tokens, cost, latency, signal, orders, outcome. */
export const GET = withUser<Context>(async (_request, context, user) => {
  return Response.json(
    await getDecisionDetail(getTrading().deps.db, user.id, await idParam(context)),
  );
});
