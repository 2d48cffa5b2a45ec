import { withUser } from '@/lib/auth/route';
import { acceptDraft } from '@/lib/ai';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Accepts a pending draft version (by its id): a new active version with the draft's content. */
export const POST = withUser<Context>(async (_request, context, user) => {
  const version = await acceptDraft(getTrading().deps.db, {
    userId: user.id,
    draftVersionId: await idParam(context),
  });
  return Response.json({ version }, { status: 201 });
});
