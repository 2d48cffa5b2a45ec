/** The fields of a CSV candle import, shared by the API and the upload panel (no server code). */
import { z } from 'zod';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';

/** Largest CSV accepted (bytes): 20 MB is about 250 000 one-line candles. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
/** Row errors listed in an answer; the rest are counted. */
export const MAX_LISTED_CSV_ERRORS = 100;

const TIMEFRAMES = Object.keys(TIMEFRAME_MS) as [Timeframe, ...Timeframe[]];

/** The series an import goes to (query string or form fields; the form checks with it too). */
export const csvCandleImportSchema = z.object({
  venue: z.enum(['binance', 'alpaca', 'paper'], 'Choose binance, alpaca or paper.'),
  symbol: z
    .string('Enter a symbol.')
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,12}\/[A-Z0-9]{2,12}$/, 'Use BASE/QUOTE, e.g. BTC/USDT.'),
  timeframe: z.enum(TIMEFRAMES, `Choose one of ${TIMEFRAMES.join(', ')}.`),
});
export type CsvCandleImportInput = z.infer<typeof csvCandleImportSchema>;
