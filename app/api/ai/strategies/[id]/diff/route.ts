import { withUser } from '@/lib/auth/route';
import { diffVersions, searchParamsOf, versionDiffSchema } from '@/lib/ai-runtime';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** GET ?from=<versionId>&to=<versionId>: the line diff of the prompts and the changed params. */
export const GET = withUser<Context>(async (request, context, user) => {
  const strategyId = await idParam(context);
  const ids = parseOrThrow(versionDiffSchema, searchParamsOf(request.url));
  const diff = await diffVersions(getTrading().deps.db, user.id, ids);
  if (diff.from.strategyId !== strategyId)
    throw new AppError('not_found', 'AI strategy version not found.');
  return Response.json({ diff });
});
