import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { withPreparedStatements } from './prepared-statements';
import * as schema from './schema';

/** A database or a transaction on it: queries take either (`fn(db, params)`). */
export type Db = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

/**
 * Opens a pool to `url`. Both processes (web and worker) use this one module (STYLE rule 7).
 * `name` is the sessions' `application_name`: `pg_stat_activity` shows which process holds which
 * session, and the worker finds its own sessions by it (worker/priority.ts).
 */
export function createDb(url: string, options: { max?: number; name?: string } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    connect_timeout: 10,
    connection: { application_name: options.name ?? 'osprey' },
  });
  const db = drizzle(withPreparedStatements(sql), { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
