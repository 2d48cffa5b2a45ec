import { boolean, index, jsonb, numeric, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** A user's risk policy (validated by the core's `riskPolicySchema`) and their own kill switch. */
export const riskSettings = pgTable('risk_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  policy: jsonb('policy').$type<Record<string, unknown>>().notNull().default({}),
  killSwitch: boolean('kill_switch').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RiskSettings = typeof riskSettings.$inferSelect;

/** Equity over time per account (recorded by a worker job): drawdown peak, start-of-day, charts. */
export const equitySnapshots = pgTable(
  'equity_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exchangeAccountId: uuid('exchange_account_id').notNull(),
    time: timestamp('time', { withTimezone: true }).notNull().defaultNow(),
    equity: numeric('equity', { precision: 38, scale: 18 }).notNull(),
    cash: numeric('cash', { precision: 38, scale: 18 }).notNull(),
  },
  (t) => [index('equity_snapshots_account_time_idx').on(t.exchangeAccountId, t.time)],
);
