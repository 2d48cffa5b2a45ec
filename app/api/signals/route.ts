import { parseOrThrow } from '@/lib/errors/zod-fields';
import { signalLog, signalLogQuery } from '@/lib/signals/signal-exports';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** The signal log: filters source, status, symbol, botId, from, to; `cursor` pages. */
export const GET = withApiUser('read', async (request, _context, user) => {
  const query = parseOrThrow(signalLogQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await signalLog(getTrading().deps.db, user.id, query));
});
