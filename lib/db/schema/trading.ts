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
import { bots } from './bots';
import { exchangeAccounts } from './exchange';
import { users } from './users';
import { money, time } from './columns';

export const signalSource = pgEnum('signal_source', [
  'strategy',
  'ai',
  'tradingview',
  'manual',
  'api',
]);
export const signalAction = pgEnum('signal_action', ['buy', 'sell', 'close']);
export const signalStatus = pgEnum('signal_status', [
  'queued',
  'executing',
  'executed',
  'rejected',
  'duplicate',
  'failed',
]);

/**
 * Every order starts as a signal, whatever its source (DESIGN §4). The risk engine's result for
 * every rule is stored on it, and it ends with a decision: executed, rejected or failed.
 */
export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exchangeAccountId: uuid('exchange_account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    botId: uuid('bot_id').references(() => bots.id, { onDelete: 'set null' }),
    source: signalSource('source').notNull(),
    symbol: text('symbol').notNull(),
    action: signalAction('action').notNull(),
    orderType: text('order_type', { enum: ['market', 'limit'] })
      .notNull()
      .default('market'),
    /** Base quantity requested, or null to size by the bot/risk policy. */
    quantity: money('quantity'),
    /** Quote amount requested (e.g. "spend 100 USDT"), alternative to quantity. */
    quoteAmount: money('quote_amount'),
    price: money('price'),
    stopLoss: money('stop_loss'),
    takeProfit: money('take_profit'),
    confidence: integer('confidence'),
    strategy: text('strategy'),
    timeframe: text('timeframe'),
    reasoning: text('reasoning'),
    /** Deduplication key (e.g. a TradingView alert id); unique per user. */
    dedupeKey: text('dedupe_key'),
    payload: jsonb('payload'),
    status: signalStatus('status').notNull().default('queued'),
    reason: text('reason'),
    riskResults: jsonb('risk_results'),
    aiDecisionId: uuid('ai_decision_id'),
    /** When a worker took it for execution (a long-running `executing` means that worker died). */
    claimedAt: time('claimed_at'),
    createdAt: time('created_at').notNull().defaultNow(),
    decidedAt: time('decided_at'),
  },
  (t) => [
    index('signals_user_time_idx').on(t.userId, t.createdAt),
    index('signals_queued_idx').on(t.status, t.createdAt),
    uniqueIndex('signals_dedupe_idx').on(t.userId, t.dedupeKey),
    index('signals_ai_decision_idx').on(t.aiDecisionId),
  ],
);

export const orderRole = pgEnum('order_role', ['entry', 'take_profit', 'stop_loss', 'exit']);
export const orderStatus = pgEnum('order_status', [
  'intent',
  'open',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
  'unknown',
]);

/**
 * Our record of every order. The row is written (status `intent`, with its unique client order
 * id) and committed BEFORE the request goes to the venue, so no order exists without its record
 * and an unknown outcome is resolved by looking the client order id up.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exchangeAccountId: uuid('exchange_account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    signalId: uuid('signal_id').references(() => signals.id, { onDelete: 'set null' }),
    positionId: uuid('position_id'),
    botId: uuid('bot_id').references(() => bots.id, { onDelete: 'set null' }),
    clientOrderId: text('client_order_id').notNull(),
    exchangeOrderId: text('exchange_order_id'),
    /** The venue's OCO list id when this order is a leg of a native OCO. */
    ocoId: text('oco_id'),
    symbol: text('symbol').notNull(),
    side: text('side', { enum: ['buy', 'sell'] }).notNull(),
    type: text('type', { enum: ['market', 'limit', 'stop-limit', 'stop-market', 'oco'] }).notNull(),
    role: orderRole('role').notNull(),
    source: signalSource('source').notNull(),
    status: orderStatus('status').notNull().default('intent'),
    quantity: money('quantity').notNull(),
    price: money('price'),
    stopPrice: money('stop_price'),
    filledQuantity: money('filled_quantity').notNull().default('0'),
    averagePrice: money('average_price'),
    fee: money('fee').notNull().default('0'),
    feeAsset: text('fee_asset'),
    error: text('error'),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_client_order_id_idx').on(t.exchangeAccountId, t.clientOrderId),
    index('orders_user_time_idx').on(t.userId, t.createdAt),
    index('orders_position_idx').on(t.positionId),
  ],
);

export const positionStatus = pgEnum('position_status', ['open', 'closing', 'closed']);
export const protectionKind = pgEnum('protection_kind', ['native_oco', 'emulated', 'none']);
export const exitReason = pgEnum('exit_reason', [
  'take_profit',
  'stop_loss',
  'timeout',
  'manual',
  'signal',
  'reconcile',
]);

/**
 * A position opened by a filled entry, with its protection. `quantity` is what can be sold: the
 * filled quantity net of fees charged in the base asset.
 */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exchangeAccountId: uuid('exchange_account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    botId: uuid('bot_id').references(() => bots.id, { onDelete: 'set null' }),
    signalId: uuid('signal_id').references(() => signals.id, { onDelete: 'set null' }),
    symbol: text('symbol').notNull(),
    side: text('side', { enum: ['long'] })
      .notNull()
      .default('long'),
    status: positionStatus('status').notNull().default('open'),
    quantity: money('quantity').notNull(),
    entryPrice: money('entry_price').notNull(),
    /** Quote actually spent on the entry, fees paid in quote included (the P&L baseline). */
    entryCost: money('entry_cost').notNull(),
    /** All entry fees valued in quote (for display; a base-asset fee is already in `quantity`). */
    entryFee: money('entry_fee').notNull().default('0'),
    takeProfit: money('take_profit'),
    stopLoss: money('stop_loss'),
    protection: protectionKind('protection').notNull(),
    ocoClientId: text('oco_client_id'),
    ocoExchangeId: text('oco_exchange_id'),
    maxHoldUntil: time('max_hold_until'),
    openedAt: time('opened_at').notNull().defaultNow(),
    exitPrice: money('exit_price'),
    exitFee: money('exit_fee'),
    exitReason: exitReason('exit_reason'),
    realizedPnl: money('realized_pnl'),
    realizedPnlPct: numeric('realized_pnl_pct', { precision: 18, scale: 8 }),
    closedAt: time('closed_at'),
    durationMs: integer('duration_ms'),
  },
  (t) => [
    index('positions_user_status_idx').on(t.userId, t.status),
    index('positions_bot_idx').on(t.botId, t.status),
    index('positions_closed_idx').on(t.userId, t.closedAt),
  ],
);

export type Signal = typeof signals.$inferSelect;
export type NewSignal = typeof signals.$inferInsert;
export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type Position = typeof positions.$inferSelect;
export type NewPosition = typeof positions.$inferInsert;
