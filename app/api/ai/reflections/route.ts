import { withUser } from '@/lib/auth/route';
import { listReflections, reflectionListSchema, searchParamsOf } from '@/lib/ai-runtime';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** GET ?botId&limit: the user's reflections, newest first, with whether their draft is pending. */
export const GET = withUser(async (request, _context, user) => {
  const params = parseOrThrow(reflectionListSchema, searchParamsOf(request.url));
  return Response.json({
    reflections: await listReflections(getTrading().deps.db, user.id, params),
  });
});
