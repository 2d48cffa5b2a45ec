import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * Runs `body` in a transaction that holds the user's order lock (a PostgreSQL advisory lock,
 * released when the transaction ends, also when the process dies). The order path reads the
 * risk counters and commits the order intent inside it, so two signals of one user, in any
 * lanes of any workers, pass the risk engine one after the other: the second sees the first's
 * order. Without it, two buys arriving together both saw "no open order" and both traded.
 * Keep venue calls out of `body`: a slow venue would hold up the user's next signal.
 */
export async function withUserOrderLock<T>(
  db: Db,
  userId: string,
  body: (tx: Db) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`osprey:orders:${userId}`}, 0))`,
    );
    return body(tx);
  });
}
