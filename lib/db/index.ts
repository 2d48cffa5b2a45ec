import { getConfig } from '../config';
import { createDb, type Db, type DbHandle } from './client';

const globalForDb = globalThis as unknown as { ospreyDb?: DbHandle };

/** The process-wide pool, created on first use from the parsed configuration. */
export function getDb(): Db {
  globalForDb.ospreyDb ??= createDb(getConfig().DATABASE_URL);
  return globalForDb.ospreyDb.db;
}

/** Closes the process-wide pool (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.ospreyDb;
  globalForDb.ospreyDb = undefined;
  if (handle) await handle.close();
}

export type { Db } from './client';
