import type postgres from 'postgres';

/**
 * Statements with more parameters than this stay unnamed: they are bulk writes whose text
 * changes with the row count (each count would be one more statement kept on the connection),
 * and one parse is small beside their work.
 */
export const MAX_PREPARED_PARAMETERS = 100;

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * A postgres.js client whose queries from drizzle run as named prepared statements.
 *
 * drizzle hands every query to `client.unsafe(text, params, { prepare: false })` unless it was
 * built with `.prepare(name)`. postgres.js sends such a query with parameters as Parse +
 * Describe, waits for the parameter types, then Bind + Execute — two round trips — and
 * PostgreSQL parses and plans it every time. Prepared, a query is parsed once per connection
 * and then costs one round trip (Bind + Execute), and PostgreSQL may keep its plan. Measured on
 * the worker's signal drain: PostgreSQL CPU 3.6 → 1.1 ms per signal (BENCHMARKS.md).
 *
 * Transactions and savepoints hand drizzle a client of their own, so those are wrapped too.
 * Queries without parameters keep postgres.js's simple protocol (migrations rely on it).
 */
export function withPreparedStatements<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe')
        return (text: string, params: unknown[] = [], options: object = {}) =>
          target.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: params.length <= MAX_PREPARED_PARAMETERS,
          });
      if (property === 'begin' || property === 'savepoint')
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: postgres.TransactionSql) => unknown;
          const open = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return open(...args, (inner: postgres.TransactionSql) =>
            body(withPreparedStatements(inner)),
          );
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
