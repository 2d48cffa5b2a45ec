import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { workerHeartbeats } from '../schema';

export async function beatWorker(
  db: Db,
  worker: { id: string; hostname: string; pid: number; version: string; startedAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ ...worker, lastBeatAt: now })
    .onConflictDoUpdate({ target: workerHeartbeats.id, set: { lastBeatAt: now, stoppedAt: null } });
}

export async function markWorkerStopped(db: Db, id: string, now: Date): Promise<void> {
  await db.update(workerHeartbeats).set({ stoppedAt: now }).where(eq(workerHeartbeats.id, id));
}

/** Age in ms of the newest heartbeat of a running worker, measured by the database clock. */
export async function newestHeartbeatAgeMs(db: Db): Promise<number | null> {
  const rows = await db
    .select({
      ageMs: sql<string>`extract(epoch from (now() - ${workerHeartbeats.lastBeatAt})) * 1000`,
    })
    .from(workerHeartbeats)
    .where(sql`${workerHeartbeats.stoppedAt} is null`)
    .orderBy(desc(workerHeartbeats.lastBeatAt))
    .limit(1);
  const age = rows[0]?.ageMs;
  return age === undefined ? null : Math.max(0, Math.round(Number(age)));
}
