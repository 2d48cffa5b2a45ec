import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { exchangeAccounts } from './exchange';
import { users } from './users';
import { money, time } from './columns';

export const botStatus = pgEnum('bot_status', ['stopped', 'running', 'paused']);
export const strategyKind = pgEnum('strategy_kind', ['rule', 'ai']);
export const sizingMode = pgEnum('sizing_mode', ['fixed', 'risk', 'compounding']);

/**
 * A bot: one symbol on one account, a strategy, sizing and exits. Scheduling state lives on the
 * row: `next_cycle_at` is the slot the next cycle is due for; a worker claims it with a lease
 * (`lease_owner`, `lease_until`), so a cycle runs once per slot and a dead worker's claim
 * expires and is taken over.
 */
export const bots = pgTable(
  'bots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exchangeAccountId: uuid('exchange_account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    intervalSeconds: integer('interval_seconds').notNull().default(60),
    strategyKind: strategyKind('strategy_kind').notNull().default('rule'),
    /** Rule strategy id (e.g. `sma-cross`) or AI strategy id. */
    strategyId: text('strategy_id').notNull(),
    /** The exact AI strategy version, when `strategy_kind = 'ai'`. */
    strategyVersionId: uuid('strategy_version_id'),
    strategyParams: jsonb('strategy_params').$type<Record<string, unknown>>().notNull().default({}),
    tradeAmount: money('trade_amount').notNull(),
    sizingMode: sizingMode('sizing_mode').notNull().default('fixed'),
    stopLossPct: numeric('stop_loss_pct', { precision: 9, scale: 4 }),
    takeProfitPct: numeric('take_profit_pct', { precision: 9, scale: 4 }),
    /** Force-close after this long; null = off. */
    maxHoldMinutes: integer('max_hold_minutes'),
    riskOverrides: jsonb('risk_overrides').$type<Record<string, unknown>>().notNull().default({}),
    status: botStatus('status').notNull().default('stopped'),
    nextCycleAt: time('next_cycle_at'),
    leaseOwner: text('lease_owner'),
    leaseUntil: time('lease_until'),
    lastCycleAt: time('last_cycle_at'),
    lastAnalysisAt: time('last_analysis_at'),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('bots_user_idx').on(t.userId),
    index('bots_due_idx')
      .on(t.nextCycleAt)
      .where(sql`status = 'running'`),
  ],
);

export const cycleOutcome = pgEnum('cycle_outcome', [
  'running',
  'decided',
  'managed',
  'skipped',
  'error',
]);

/** One row per bot cycle slot: the unique (bot, slot) makes a second run of a slot impossible. */
export const botCycles = pgTable(
  'bot_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    slotAt: time('slot_at').notNull(),
    workerId: text('worker_id').notNull(),
    startedAt: time('started_at').notNull().defaultNow(),
    finishedAt: time('finished_at'),
    durationMs: integer('duration_ms'),
    outcome: cycleOutcome('outcome').notNull().default('running'),
    action: text('action'),
    signalId: uuid('signal_id'),
    message: text('message'),
  },
  (t) => [
    uniqueIndex('bot_cycles_slot_idx').on(t.botId, t.slotAt),
    index('bot_cycles_started_idx').on(t.startedAt),
  ],
);

/** The bot's own log (what it did and why), shown on the bot page. */
export const botLogs = pgTable(
  'bot_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    botId: uuid('bot_id')
      .notNull()
      .references(() => bots.id, { onDelete: 'cascade' }),
    time: time('time').notNull().defaultNow(),
    level: text('level', { enum: ['debug', 'info', 'warn', 'error'] }).notNull(),
    message: text('message').notNull(),
    context: jsonb('context'),
  },
  (t) => [index('bot_logs_bot_time_idx').on(t.botId, t.time)],
);

export type Bot = typeof bots.$inferSelect;
export type NewBot = typeof bots.$inferInsert;
export type BotCycle = typeof botCycles.$inferSelect;
