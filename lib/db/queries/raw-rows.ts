import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * Helpers for hand-written statements that return several tables' rows side by side (a claim
 * returning its bot and account, say): select each table's columns under a prefix, then map
 * the raw row back to drizzle's typed row.
 */

/** `alias.col as "<prefix>col", …` for every column of `table`. */
export function aliased(table: PgTable, alias: string, prefix: string): SQL {
  return sql.raw(
    Object.values(getTableColumns(table))
      .map((c) => `${alias}.${c.name} as "${prefix}${c.name}"`)
      .join(', '),
  );
}

/** A raw row (snake_case, driver values) as drizzle's typed row for `table`. */
export function fromRow<T extends PgTable>(
  table: T,
  row: Record<string, unknown>,
  prefix = '',
): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[prefix + column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out;
}
