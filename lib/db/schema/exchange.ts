import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './users';
import { money, time } from './columns';

export const exchangeVenue = pgEnum('exchange_venue', ['paper', 'binance', 'alpaca']);

/**
 * Settings of an account. Paper: starting balance and quote asset, fee model (rates, where fees
 * are charged, slippage). Live venues keep venue-specific options here.
 */
export interface ExchangeAccountSettings {
  startingBalance?: string;
  quote?: string;
  makerFeeRate?: string;
  takerFeeRate?: string;
  feeMode?: 'quote' | 'received';
  slippageBps?: number;
  [key: string]: unknown;
}

/**
 * A user's account on a venue. Keys are stored encrypted (ciphertext + key id for rotation);
 * the paper account has none. A user has at most one paper account and one default account.
 */
export const exchangeAccounts = pgTable(
  'exchange_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    venue: exchangeVenue('venue').notNull(),
    label: text('label').notNull(),
    isTestnet: boolean('is_testnet').notNull().default(false),
    apiKeyCiphertext: text('api_key_ciphertext'),
    apiSecretCiphertext: text('api_secret_ciphertext'),
    keyId: text('key_id'),
    isDefault: boolean('is_default').notNull().default(false),
    settings: jsonb('settings').$type<ExchangeAccountSettings>().notNull().default({}),
    createdAt: time('created_at').notNull().defaultNow(),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('exchange_accounts_user_idx').on(t.userId),
    uniqueIndex('exchange_accounts_one_paper_idx')
      .on(t.userId)
      .where(sql`venue = 'paper'`),
    uniqueIndex('exchange_accounts_one_default_idx')
      .on(t.userId)
      .where(sql`is_default`),
  ],
);

/** Paper balances: one row per account and asset. `locked` is held by open orders and OCOs. */
export const paperBalances = pgTable(
  'paper_balances',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    asset: text('asset').notNull(),
    free: money('free').notNull().default('0'),
    locked: money('locked').notNull().default('0'),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.asset] })],
);

export const paperOrderSide = pgEnum('paper_order_side', ['buy', 'sell']);
export const paperOrderType = pgEnum('paper_order_type', [
  'market',
  'limit',
  'stop-limit',
  'stop-market',
]);
export const paperOrderStatus = pgEnum('paper_order_status', [
  'open',
  'partially_filled',
  'filled',
  'canceled',
  'rejected',
  'expired',
]);
export const paperOcoStatus = pgEnum('paper_oco_status', ['open', 'done', 'canceled']);
export const paperOcoLeg = pgEnum('paper_oco_leg', ['take-profit', 'stop-loss']);
export const paperLiquidity = pgEnum('paper_liquidity', ['maker', 'taker']);

/**
 * OCO lists held by the paper venue. The funds both legs share are locked once, here
 * (`locked_asset`/`locked_amount`); `checked_until` is how far the market has been checked.
 */
export const paperOcoLists = pgTable(
  'paper_oco_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Placement order: matching and listings go first-in, first-out. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    clientOcoId: text('client_oco_id').notNull(),
    symbol: text('symbol').notNull(),
    status: paperOcoStatus('status').notNull().default('open'),
    lockedAsset: text('locked_asset').notNull(),
    lockedAmount: money('locked_amount').notNull().default('0'),
    checkedUntil: time('checked_until').notNull(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('paper_oco_lists_client_id_idx').on(t.accountId, t.clientOcoId),
    index('paper_oco_lists_open_idx')
      .on(t.accountId)
      .where(sql`status = 'open'`),
  ],
);

/**
 * Paper orders. A resting order locks `locked_amount` of `locked_asset` (OCO legs lock nothing
 * themselves: their list does). `triggered` marks a stop-limit whose stop fired and which now
 * rests as a limit at `price`. `checked_until`: candles opening before it were already checked.
 */
export const paperOrders = pgTable(
  'paper_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Placement order: matching and listings go first-in, first-out. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    clientOrderId: text('client_order_id').notNull(),
    symbol: text('symbol').notNull(),
    side: paperOrderSide('side').notNull(),
    type: paperOrderType('type').notNull(),
    status: paperOrderStatus('status').notNull(),
    quantity: money('quantity').notNull(),
    filledQuantity: money('filled_quantity').notNull().default('0'),
    price: money('price'),
    stopPrice: money('stop_price'),
    averagePrice: money('average_price'),
    fee: money('fee').notNull().default('0'),
    feeAsset: text('fee_asset'),
    ocoId: uuid('oco_id').references((): AnyPgColumn => paperOcoLists.id, { onDelete: 'cascade' }),
    ocoLeg: paperOcoLeg('oco_leg'),
    triggered: boolean('triggered').notNull().default(false),
    lockedAsset: text('locked_asset'),
    lockedAmount: money('locked_amount').notNull().default('0'),
    checkedUntil: time('checked_until').notNull(),
    createdAt: time('created_at').notNull(),
    updatedAt: time('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('paper_orders_client_id_idx').on(t.accountId, t.clientOrderId),
    index('paper_orders_open_idx')
      .on(t.accountId)
      .where(sql`status = 'open'`),
    index('paper_orders_oco_idx').on(t.ocoId),
  ],
);

/** Executions of paper orders; the balance change of each is exactly its amounts and fee. */
export const paperFills = pgTable(
  'paper_fills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Booking order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => exchangeAccounts.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => paperOrders.id, { onDelete: 'cascade' }),
    symbol: text('symbol').notNull(),
    side: paperOrderSide('side').notNull(),
    price: money('price').notNull(),
    quantity: money('quantity').notNull(),
    quoteAmount: money('quote_amount').notNull(),
    fee: money('fee').notNull(),
    feeAsset: text('fee_asset').notNull(),
    liquidity: paperLiquidity('liquidity').notNull(),
    time: time('time').notNull(),
  },
  (t) => [
    index('paper_fills_account_symbol_time_idx').on(t.accountId, t.symbol, t.time),
    index('paper_fills_order_idx').on(t.orderId),
  ],
);

export type ExchangeAccount = typeof exchangeAccounts.$inferSelect;
export type NewExchangeAccount = typeof exchangeAccounts.$inferInsert;
export type PaperBalance = typeof paperBalances.$inferSelect;
export type PaperOrder = typeof paperOrders.$inferSelect;
export type NewPaperOrder = typeof paperOrders.$inferInsert;
export type PaperOcoList = typeof paperOcoLists.$inferSelect;
export type NewPaperOcoList = typeof paperOcoLists.$inferInsert;
export type PaperFill = typeof paperFills.$inferSelect;
export type NewPaperFill = typeof paperFills.$inferInsert;
