import { withUser } from '@/lib/auth/route';
import { acceptReflectionDraft } from '@/lib/ai-runtime';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Accepts the prompt change a reflection suggested: a new active version of the strategy. */
export const POST = withUser<Context>(async (_request, context, user) => {
  const version = await acceptReflectionDraft(
    getTrading().deps.db,
    user.id,
    await idParam(context),
  );
  return Response.json({ version }, { status: 201 });
});
