import { withUser } from '@/lib/auth/route';
import { decisionFiltersSchema, listDecisions, searchParamsOf } from '@/lib/ai-runtime';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** GET ?botId&strategyVersionId&provider&action&valid&from&to&before&limit — newest first. */
export const GET = withUser(async (request, _context, user) => {
  const filters = parseOrThrow(decisionFiltersSchema, searchParamsOf(request.url));
  return Response.json({ decisions: await listDecisions(getTrading().deps.db, user.id, filters) });
});
