import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Named leases shared by all workers (e.g. `monitor:<accountId>`, `daily-reset`): whoever holds
 * an unexpired lease does that job; a dead worker's lease simply expires.
 */
export const jobLeases = pgTable('job_leases', {
  key: text('key').primaryKey(),
  owner: text('owner').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull(),
});
