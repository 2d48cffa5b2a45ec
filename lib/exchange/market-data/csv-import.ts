/**
 * OHLCV CSV import: finds the header (or reads columns by position), validates every row and
 * says exactly what is wrong where (row = line number in the file, field, reason). Rows with an
 * error are left out; the rest are returned sorted as they came. `storeCsvCandles` writes them
 * to the candle cache as source `csv`.
 */
import { parse } from 'csv-parse/sync';
import { TIMEFRAME_MS, type Candle, type Timeframe } from '../../core/types';
import { upsertCandles } from '../../db/queries/candles';
import type { Db } from '../../db/client';
import {
  columnsFromHeader,
  detectDelimiter,
  positionalColumns,
  readNumber,
  readTime,
  type ColumnMap,
  type CsvField,
} from './csv-columns';

export interface CsvRowError {
  /** Line number in the file (1-based); 0 for problems with the file as a whole. */
  row: number;
  field?: CsvField;
  reason: string;
  /** The offending cell, when there is one. */
  value?: string;
}

export interface CsvImportResult {
  candles: Candle[];
  errors: CsvRowError[];
  /** The timeframe checked against (given, or inferred from the spacing of the rows). */
  timeframe: Timeframe | null;
  /** Data rows read (excluding the header and blank lines). */
  rows: number;
  /** True when more errors were found than `maxErrors` (the rest are not listed). */
  truncated: boolean;
}

export interface CsvImportOptions {
  /** Expected timeframe; inferred from the smallest spacing between rows when absent. */
  timeframe?: Timeframe;
  /** Stop listing errors after this many (default 1000). */
  maxErrors?: number;
}

interface Row {
  line: number;
  cells: string[];
}

interface ParsedRow {
  line: number;
  candle: Candle;
}

const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

function readRows(text: string): Row[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const records = parse(text, {
    bom: true,
    delimiter: detectDelimiter(firstLine),
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** Header row (skipping preamble lines such as a source URL) or positional columns. */
function locateColumns(rows: readonly Row[]): { columns: ColumnMap; start: number } | null {
  for (let i = 0; i < Math.min(rows.length, 5); i += 1) {
    const columns = columnsFromHeader(rows[i]?.cells ?? []);
    if (columns) return { columns, start: i + 1 };
  }
  const first = rows[0];
  if (first && first.cells.length >= 5 && readTime(first.cells[0] ?? '') !== null) {
    return { columns: positionalColumns(first.cells.length), start: 0 };
  }
  return null;
}

function readRow(row: Row, columns: ColumnMap, errors: CsvRowError[]): Candle | null {
  const cell = (field: CsvField): string | undefined => {
    const index = columns[field];
    return index === undefined ? undefined : row.cells[index];
  };
  const fail = (field: CsvField | undefined, reason: string, value?: string): null => {
    errors.push({
      row: row.line,
      ...(field ? { field } : {}),
      reason,
      ...(value === undefined ? {} : { value }),
    });
    return null;
  };
  const before = errors.length;
  const timeText = cell('time');
  const time = timeText === undefined ? null : readTime(timeText);
  if (timeText === undefined || timeText === '') fail('time', 'missing');
  else if (time === null)
    fail('time', 'not a readable time (epoch seconds/milliseconds or ISO date)', timeText);
  const prices: Partial<Record<(typeof PRICE_FIELDS)[number], number>> = {};
  for (const field of PRICE_FIELDS) {
    const text = cell(field);
    const value = text === undefined ? null : readNumber(text);
    if (text === undefined || text === '') fail(field, 'missing');
    else if (value === null) fail(field, 'not a number', text);
    else if (value <= 0) fail(field, 'must be positive', text);
    else prices[field] = value;
  }
  const volumeText = cell('volume');
  let volume = 0;
  if (volumeText !== undefined && volumeText !== '') {
    const value = readNumber(volumeText);
    if (value === null) fail('volume', 'not a number', volumeText);
    else if (value < 0) fail('volume', 'must not be negative', volumeText);
    else volume = value;
  }
  const { open, high, low, close } = prices;
  if (
    time === null ||
    open === undefined ||
    high === undefined ||
    low === undefined ||
    close === undefined
  )
    return null;
  if (high < low) fail('high', `high ${high} is below low ${low}`);
  else {
    if (open < low || open > high) fail('open', `open ${open} is outside low–high ${low}–${high}`);
    if (close < low || close > high)
      fail('close', `close ${close} is outside low–high ${low}–${high}`);
  }
  return errors.length > before ? null : { time, open, high, low, close, volume };
}

/** The timeframe whose length is the most common spacing between consecutive rows, if any is. */
function inferTimeframe(rows: readonly ParsedRow[]): Timeframe | null {
  const lengths = new Map<number, Timeframe>(
    Object.entries(TIMEFRAME_MS).map(([tf, ms]) => [ms, tf as Timeframe]),
  );
  const votes = new Map<Timeframe, number>();
  for (let i = 1; i < rows.length; i += 1) {
    const timeframe = lengths.get((rows[i]?.candle.time ?? 0) - (rows[i - 1]?.candle.time ?? 0));
    if (timeframe) votes.set(timeframe, (votes.get(timeframe) ?? 0) + 1);
  }
  let best: Timeframe | null = null;
  for (const [timeframe, count] of votes)
    if (best === null || count > (votes.get(best) ?? 0)) best = timeframe;
  return best;
}

export function parseOhlcvCsv(text: string, options: CsvImportOptions = {}): CsvImportResult {
  const maxErrors = options.maxErrors ?? 1000;
  const errors: CsvRowError[] = [];
  const done = (candles: Candle[], timeframe: Timeframe | null, rows: number): CsvImportResult => ({
    candles,
    errors: errors.slice(0, maxErrors),
    timeframe,
    rows,
    truncated: errors.length > maxErrors,
  });

  let rows: Row[];
  try {
    rows = readRows(text);
  } catch (error) {
    errors.push({
      row: 0,
      reason: `not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`,
    });
    return done([], options.timeframe ?? null, 0);
  }
  const located = locateColumns(rows);
  if (!located) {
    errors.push({
      row: 0,
      reason:
        'no header with time, open, high, low, close columns and no time,open,high,low,close rows',
    });
    return done([], options.timeframe ?? null, 0);
  }
  const dataRows = rows.slice(located.start);
  const parsed: ParsedRow[] = [];
  for (const row of dataRows) {
    const candle = readRow(row, located.columns, errors);
    if (candle) parsed.push({ line: row.line, candle });
  }

  const timeframe = options.timeframe ?? inferTimeframe(parsed);
  if (!timeframe)
    errors.push({
      row: 0,
      reason: 'cannot tell the timeframe from the row spacing; pass it explicitly',
    });
  const step = timeframe ? TIMEFRAME_MS[timeframe] : undefined;
  const candles: Candle[] = [];
  const seen = new Map<number, number>();
  let last: ParsedRow | undefined;
  for (const row of parsed) {
    const { time } = row.candle;
    const duplicateOf = seen.get(time);
    if (step !== undefined && time % step !== 0) {
      errors.push({
        row: row.line,
        field: 'time',
        reason: `not aligned to ${timeframe} candle open times`,
        value: new Date(time).toISOString(),
      });
    } else if (duplicateOf !== undefined) {
      errors.push({
        row: row.line,
        field: 'time',
        reason: `duplicate time (same as row ${duplicateOf})`,
        value: new Date(time).toISOString(),
      });
    } else if (last && time < last.candle.time) {
      errors.push({
        row: row.line,
        field: 'time',
        reason: `out of order (earlier than row ${last.line}); rows must be in ascending time`,
        value: new Date(time).toISOString(),
      });
    } else {
      seen.set(time, row.line);
      last = row;
      candles.push(row.candle);
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return done(candles, timeframe, dataRows.length);
}

/** Writes imported candles to the cache as source `csv` (replacing cached rows at the same times). */
export function storeCsvCandles(
  db: Db,
  params: { venue: string; symbol: string; timeframe: Timeframe; candles: readonly Candle[] },
): Promise<number> {
  return upsertCandles(db, { ...params, source: 'csv' });
}
