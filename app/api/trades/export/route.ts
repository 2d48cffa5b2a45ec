import { parseOrThrow } from '@/lib/errors/zod-fields';
import { csvResponse, tradesCsv, tradeExportQuery } from '@/lib/signals/signal-exports';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** Every order with P&L and exit reason as CSV (`from`, `to` optional), streamed page by page. */
export const GET = withApiUser('read', (request, _context, user) => {
  const range = parseOrThrow(
    tradeExportQuery,
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return Promise.resolve(
    csvResponse(
      tradesCsv(getTrading().deps.db, { userId: user.id, ...range }),
      'osprey-trades.csv',
    ),
  );
});
