import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { Decimal } from '../../core/money';
import { type Candle, type Timeframe } from '../../core/types';
import type { Db } from '../client';
import { candles, type CandleSource } from '../schema';

/** Rows per insert statement (12 parameters a row stays far below PostgreSQL's 65,535). */
const BATCH = 1000;

export interface CandleSeries {
  /** Venue id (`paper`, `binance`, `alpaca`). */
  venue: string;
  symbol: string;
  timeframe: Timeframe;
}

export interface StoredCandle extends Candle {
  source: CandleSource;
}

const decimal = (value: number): string => Decimal.from(value).toString();

/** Inserts or replaces closed candles of one series, in batches; returns how many were written. */
export async function upsertCandles(
  db: Db,
  params: CandleSeries & { source: CandleSource; candles: readonly Candle[] },
): Promise<number> {
  const { venue, symbol, timeframe, source } = params;
  for (let i = 0; i < params.candles.length; i += BATCH) {
    const rows = params.candles.slice(i, i + BATCH).map((c) => ({
      venue,
      symbol,
      timeframe,
      openTime: new Date(c.time),
      open: decimal(c.open),
      high: decimal(c.high),
      low: decimal(c.low),
      close: decimal(c.close),
      volume: decimal(c.volume),
      source,
    }));
    await db
      .insert(candles)
      .values(rows)
      .onConflictDoUpdate({
        target: [candles.venue, candles.symbol, candles.timeframe, candles.openTime],
        set: {
          open: sql`excluded.open`,
          high: sql`excluded.high`,
          low: sql`excluded.low`,
          close: sql`excluded.close`,
          volume: sql`excluded.volume`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      });
  }
  return params.candles.length;
}

/** Cached candles with open times in [from, to), oldest first. */
export async function readCandles(
  db: Db,
  params: CandleSeries & { from: number; to: number; limit?: number },
): Promise<StoredCandle[]> {
  const query = db
    .select({
      openTime: candles.openTime,
      open: candles.open,
      high: candles.high,
      low: candles.low,
      close: candles.close,
      volume: candles.volume,
      source: candles.source,
    })
    .from(candles)
    .where(
      and(
        eq(candles.venue, params.venue),
        eq(candles.symbol, params.symbol),
        eq(candles.timeframe, params.timeframe),
        gte(candles.openTime, new Date(params.from)),
        lt(candles.openTime, new Date(params.to)),
      ),
    )
    .orderBy(asc(candles.openTime));
  const rows = params.limit === undefined ? await query : await query.limit(params.limit);
  return rows.map((r) => ({
    time: r.openTime.getTime(),
    open: Number(r.open),
    high: Number(r.high),
    low: Number(r.low),
    close: Number(r.close),
    volume: Number(r.volume),
    source: r.source,
  }));
}

/** Removes cached candles of a series with open times in [from, to); returns how many. */
export async function deleteCandles(
  db: Db,
  params: CandleSeries & { from: number; to: number },
): Promise<number> {
  const deleted = await db
    .delete(candles)
    .where(
      and(
        eq(candles.venue, params.venue),
        eq(candles.symbol, params.symbol),
        eq(candles.timeframe, params.timeframe),
        gte(candles.openTime, new Date(params.from)),
        lt(candles.openTime, new Date(params.to)),
      ),
    )
    .returning({ openTime: candles.openTime });
  return deleted.length;
}
