import { parseOrThrow } from '@/lib/errors/zod-fields';
import { csvResponse, signalLogQuery, signalsCsv } from '@/lib/signals/signal-exports';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** The signal log as CSV (same filters as the list), streamed page by page. */
export const GET = withApiUser('read', (request, _context, user) => {
  const {
    limit: _limit,
    cursor: _cursor,
    ...filter
  } = parseOrThrow(signalLogQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Promise.resolve(
    csvResponse(
      signalsCsv(getTrading().deps.db, { userId: user.id, ...filter }),
      'osprey-signals.csv',
    ),
  );
});
