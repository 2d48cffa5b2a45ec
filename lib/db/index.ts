import { getConfig } from '../config';
import { createDb, type Db, type DbHandle } from './client';

const globalForDb = globalThis as unknown as { ospreyDb?: DbHandle };

/**
 * The process-wide pool, created on first use from the parsed configuration. The first call names
 * its sessions (`application_name`, see `createDb`): the worker's entry opens it as the worker's.
 */
export function getDb(name?: string): Db {
  globalForDb.ospreyDb ??= createDb(getConfig().DATABASE_URL, { name });
  return globalForDb.ospreyDb.db;
}

/** Closes the process-wide pool (graceful shutdown). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.ospreyDb;
  globalForDb.ospreyDb = undefined;
  if (handle) await handle.close();
}

export type { Db } from './client';
