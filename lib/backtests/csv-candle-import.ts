/**
 * A user's OHLCV CSV import into the candle cache (`POST /api/market-data/candles`, the
 * "Import candles (CSV)" panel). The candles table is global, one row per (venue, symbol,
 * timeframe, open time), so imported candles are shared by every user; an import never replaces
 * a candle fetched from the venue (`live`), it only fills the times the cache lacks or replaces
 * earlier CSV rows.
 */
import { TIMEFRAME_MS, type Candle, type Timeframe } from '../core/types';
import type { Db } from '../db/client';
import { readCandles } from '../db/queries/candles';
import { parseOhlcvCsv, storeCsvCandles, type CsvRowError } from '../exchange/market-data';
import { findGaps, type TimeRun } from '../exchange/market-data/find-gaps';
import { MAX_LISTED_CSV_ERRORS, type CsvCandleImportInput } from './csv-candle-input';

export interface CsvCandleImportResult {
  venue: string;
  symbol: string;
  timeframe: Timeframe;
  /** Data rows read (header and blank lines excluded). */
  rows: number;
  /** Candles written (new times and replaced CSV rows). */
  stored: number;
  /** Rows left out because of an error (listed in `errors`). */
  skipped: number;
  /** Valid rows not written because the venue's own candle is already cached at that time. */
  keptLive: number;
  /** The first `MAX_LISTED_CSV_ERRORS` errors, by line number (row 0 = the file as a whole). */
  errors: CsvRowError[];
  /** True when there were more errors than listed. */
  errorsTruncated: boolean;
  /** First and last open time imported (epoch ms), null when nothing was valid. */
  from: number | null;
  to: number | null;
  /** Runs of missing candles between the first and the last valid row: reported, not filled. */
  gaps: TimeRun[];
}

/** Validates `text` row by row and stores the valid candles (source `csv`). */
export async function importCsvCandles(
  db: Db,
  input: CsvCandleImportInput,
  text: string,
): Promise<CsvCandleImportResult> {
  const parsed = parseOhlcvCsv(text, {
    timeframe: input.timeframe,
    maxErrors: MAX_LISTED_CSV_ERRORS,
  });
  const step = TIMEFRAME_MS[input.timeframe];
  const { candles } = parsed;
  const first = candles[0]?.time ?? null;
  const last = candles.at(-1)?.time ?? null;
  let fresh: Candle[] = [];
  let gaps: TimeRun[] = [];
  if (first !== null && last !== null) {
    const range = { from: first, to: last + step, step };
    const live = new Set(
      (await readCandles(db, { ...input, ...range }))
        .filter((c) => c.source === 'live')
        .map((c) => c.time),
    );
    fresh = candles.filter((c) => !live.has(c.time));
    gaps = findGaps(
      candles.map((c) => c.time),
      range,
    );
  }
  const stored = fresh.length > 0 ? await storeCsvCandles(db, { ...input, candles: fresh }) : 0;
  return {
    ...input,
    rows: parsed.rows,
    stored,
    skipped: Math.max(0, parsed.rows - candles.length),
    keptLive: candles.length - fresh.length,
    errors: parsed.errors,
    errorsTruncated: parsed.truncated,
    from: first,
    to: last,
    gaps,
  };
}
