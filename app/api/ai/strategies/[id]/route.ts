import { withUser } from '@/lib/auth/route';
import { editAiStrategy } from '@/lib/ai';
import { getAiStrategyOrThrow } from '@/lib/ai-runtime';
import { editAiStrategyInputSchema } from '@/lib/ai/strategies';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { idParam } from '@/lib/http/id-param';
import { readJson } from '@/lib/http/read-json';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** One strategy with its versions (oldest first), current version and pending drafts. */
export const GET = withUser<Context>(async (_request, context, user) => {
  const strategy = await getAiStrategyOrThrow(
    getTrading().deps.db,
    user.id,
    await idParam(context),
  );
  return Response.json({ strategy });
});

/** Renames in place; a prompt, params, provider or model change creates the next version. */
export const PATCH = withUser<Context>(async (request, context, user) => {
  const patch = parseOrThrow(editAiStrategyInputSchema, await readJson(request));
  const edited = await editAiStrategy(getTrading().deps.db, user.id, await idParam(context), patch);
  return Response.json(edited);
});
