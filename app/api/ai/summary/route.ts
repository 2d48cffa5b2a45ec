import { withUser } from '@/lib/auth/route';
import { searchParamsOf, summaryRangeSchema, versionSummaries } from '@/lib/ai-runtime';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** Per strategy version: decisions, trades, win rate, P&L, AI cost and cost as % of gross. */
export const GET = withUser(async (request, _context, user) => {
  const range = parseOrThrow(summaryRangeSchema, searchParamsOf(request.url));
  return Response.json({ versions: await versionSummaries(getTrading().deps.db, user.id, range) });
});
