import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { aiStrategyVersions } from './ai';
import { users } from './users';
import { time } from './columns';

export const backtestStatus = pgEnum('backtest_status', [
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
]);

/**
 * Where a run's candles come from: the seeded simulated market, candles stored in PostgreSQL
 * (CSV imports, the live cache), or the venue's history through the cache (`exchange`: missing
 * candles fetched with ccxt and stored).
 */
export const backtestDataSource = pgEnum('backtest_data_source', [
  'simulated',
  'stored',
  'exchange',
]);

/**
 * A backtest run as a job: queued by the API, claimed by one worker with a lease
 * (`lease_owner`, `lease_until`; a dead worker's run is taken over when it expires), cancelled
 * by setting `status = 'cancelled'` (the worker polls it). The result columns hold what the
 * engine returned, JSON-safe: the full configuration, metrics, buy-and-hold, stats, every trade
 * and the equity and drawdown curves downsampled for display. Float analytics (STYLE rule 3).
 */
export const backtests = pgTable(
  'backtests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: backtestStatus('status').notNull().default('queued'),
    strategyId: text('strategy_id').notNull(),
    strategyParams: jsonb('strategy_params').$type<Record<string, unknown>>().notNull().default({}),
    /** An AI backtest's exact strategy version (`strategy_id` is then `ai`). */
    aiStrategyVersionId: uuid('ai_strategy_version_id').references(() => aiStrategyVersions.id, {
      onDelete: 'set null',
    }),
    venue: text('venue').notNull().default('binance'),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    dataSource: backtestDataSource('data_source').notNull().default('simulated'),
    rangeFrom: time('range_from').notNull(),
    rangeTo: time('range_to').notNull(),
    /** Engine options as requested (`BacktestOptionsInput`); the parsed set is in `config`. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    /** `single` run, grid `sweep` or `walk-forward` (see lib/backtests/sweep-input.ts). */
    mode: text('mode').$type<'single' | 'sweep' | 'walk-forward'>().notNull().default('single'),
    /** Sweep / walk-forward request as parsed: grid, ranking metric, min trades, windows. */
    sweepSpec: jsonb('sweep_spec').$type<Record<string, unknown>>(),
    /** Sweep: the top of the ranked table, counts, warnings; walk-forward: per-window results. */
    sweepResult: jsonb('sweep_result').$type<Record<string, unknown>>(),
    progress: integer('progress').notNull().default(0),
    error: text('error'),
    config: jsonb('config').$type<Record<string, unknown>>(),
    metrics: jsonb('metrics').$type<Record<string, unknown>>(),
    buyAndHold: jsonb('buy_and_hold').$type<Record<string, unknown>>(),
    stats: jsonb('stats').$type<Record<string, unknown>>(),
    curves: jsonb('curves').$type<Record<string, unknown>>(),
    trades: jsonb('trades').$type<Record<string, unknown>[]>(),
    gaps: jsonb('gaps').$type<Record<string, unknown>[]>(),
    tradeCount: integer('trade_count'),
    leaseOwner: text('lease_owner'),
    leaseUntil: time('lease_until'),
    createdAt: time('created_at').notNull().defaultNow(),
    startedAt: time('started_at'),
    finishedAt: time('finished_at'),
  },
  (t) => [
    index('backtests_user_created_idx').on(t.userId, t.createdAt),
    index('backtests_queued_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export type Backtest = typeof backtests.$inferSelect;
export type NewBacktest = typeof backtests.$inferInsert;
export type BacktestStatus = (typeof backtestStatus.enumValues)[number];
