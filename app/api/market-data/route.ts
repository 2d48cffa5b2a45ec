import { withUser } from '@/lib/auth/route';
import { getConfig } from '@/lib/config';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** Where the paper venue's prices come from right now: `live` or `simulated` (mode `auto` decides). */
export const GET = withUser(async () => {
  const feed = await getTrading().registry.paperFeed();
  return Response.json({ mode: getConfig().MARKET_DATA_MODE, source: feed.source() });
});
