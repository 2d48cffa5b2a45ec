import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Key/value settings an admin can change at run time (e.g. whether self-registration is open). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const logLevel = pgEnum('log_level', ['debug', 'info', 'warn', 'error']);

/** The system log every process writes to; the admin console streams it. */
export const systemLogs = pgTable(
  'system_logs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    time: timestamp('time', { withTimezone: true }).notNull().defaultNow(),
    level: logLevel('level').notNull(),
    source: text('source').notNull(),
    message: text('message').notNull(),
    context: jsonb('context'),
  },
  (t) => [
    index('system_logs_time_idx').on(t.time),
    index('system_logs_source_time_idx').on(t.source, t.time),
  ],
);

/** One row per worker process, beaten every few seconds; health reads the newest. */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  id: text('id').primaryKey(),
  hostname: text('hostname').notNull(),
  pid: integer('pid').notNull(),
  version: text('version').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  lastBeatAt: timestamp('last_beat_at', { withTimezone: true }).notNull(),
  stoppedAt: timestamp('stopped_at', { withTimezone: true }),
});

export type SystemLog = typeof systemLogs.$inferSelect;
export type WorkerHeartbeat = typeof workerHeartbeats.$inferSelect;
