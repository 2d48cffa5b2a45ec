import { sql } from 'drizzle-orm';
import { check, numeric, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { type Timeframe } from '../../core/types';

/** Where a cached candle came from: a venue's public API, the simulated market, or a CSV import. */
export const candleSource = pgEnum('candle_source', ['live', 'simulated', 'csv']);

const price = (name: string) => numeric(name, { precision: 38, scale: 18 }).notNull();

/**
 * Closed OHLCV candles, one row per (venue, symbol, timeframe, open time), upserted as they are
 * fetched or imported. Only closed candles are stored; a candle never changes once closed.
 */
export const candles = pgTable(
  'candles',
  {
    /** Venue id (`paper`, `binance`, `alpaca`). */
    venue: text('venue').notNull(),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').$type<Timeframe>().notNull(),
    openTime: timestamp('open_time', { withTimezone: true }).notNull(),
    open: price('open'),
    high: price('high'),
    low: price('low'),
    close: price('close'),
    volume: price('volume'),
    source: candleSource('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'candles_pkey', columns: [t.venue, t.symbol, t.timeframe, t.openTime] }),
    check(
      'candles_ohlc_check',
      sql`${t.low} <= least(${t.open}, ${t.close}) and ${t.high} >= greatest(${t.open}, ${t.close}) and ${t.volume} >= 0`,
    ),
  ],
);

export type CandleRow = typeof candles.$inferSelect;
export type NewCandleRow = typeof candles.$inferInsert;
export type CandleSource = (typeof candleSource.enumValues)[number];
