import pg from 'pg';

/**
 * A node-postgres pool for the Socket.IO adapter and emitter (they need `pg`; the rest of Osprey
 * uses postgres.js). Connection errors are reported instead of crashing the process: when the
 * database restarts, a checked-out client (the adapter's LISTEN connection) emits `error`, and
 * node-postgres throws if nobody listens. The adapter reconnects by itself.
 */
export function createRealtimePool(url: string, options: { max: number; name: string }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: 10_000,
    application_name: `osprey-realtime-${options.name}`,
  });
  const report = (error: Error) =>
    console.error(`[realtime] ${options.name} database connection: ${error.message}`);
  pool.on('connect', (client) => client.on('error', report));
  // An idle client's error reaches both the listener above and the pool: report it once.
  pool.on('error', () => undefined);
  return pool;
}
