import { withUser } from '@/lib/auth/route';
import { setDefaultAiStrategy } from '@/lib/ai';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Makes this the user's default AI strategy (one per user). */
export const POST = withUser<Context>(async (_request, context, user) => {
  const id = await idParam(context);
  await setDefaultAiStrategy(getTrading().deps.db, user.id, id);
  return Response.json({ defaultStrategyId: id });
});
