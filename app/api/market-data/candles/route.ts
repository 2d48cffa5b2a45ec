import { errorResponse } from '@/lib/auth/route';
import { importCsvCandles } from '@/lib/backtests/csv-candle-import';
import { PayloadTooLargeError, readCsvImportRequest } from '@/lib/backtests/csv-candle-request';
import { AppError, toErrorBody } from '@/lib/errors/app-error';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/**
 * Imports OHLCV candles from a CSV (`?venue=&symbol=&timeframe=` with a text/csv body, or a
 * multipart form with those fields and `file`) into the shared candle cache. 200 with stored /
 * skipped counts, the row errors (first 100) and the gaps; 422 with the errors when no row was
 * valid; 413 over 20 MB. Administrators only: the cache is shared, and imported rows may fill
 * gaps that every user's backtests and live reads see.
 */
export const POST = withApiUser('trade', async (request, _context, user) => {
  if (user.role !== 'admin')
    return errorResponse(
      new AppError(
        'forbidden',
        'Only an administrator can import candles: imported candles are shared by every user.',
      ),
    );
  let read;
  try {
    read = await readCsvImportRequest(request);
  } catch (error) {
    if (error instanceof PayloadTooLargeError)
      return Response.json({ error: toErrorBody(error) }, { status: 413 });
    return errorResponse(error);
  }
  const result = await importCsvCandles(getTrading().deps.db, read.input, read.text);
  if (result.stored === 0 && result.keptLive === 0) {
    return Response.json(
      {
        error: { code: 'unprocessable', message: 'No valid candle in the file: nothing stored.' },
        ...result,
      },
      { status: 422 },
    );
  }
  return Response.json(result);
});
