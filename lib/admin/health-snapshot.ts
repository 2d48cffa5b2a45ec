import type { Db } from '../db/client';
import { getSetting } from '../db/queries/settings';
import {
  adminCycleLatency,
  adminDatabaseSize,
  adminErrorRates,
  adminQueueDepths,
  adminWorkers,
  type CycleLatency,
  type ErrorRates,
  type QueueDepths,
  type WorkerRow,
} from '../db/queries/views/admin-health';

/** A worker whose newest heartbeat is older than this is shown as stale. */
export const STALE_HEARTBEAT_MS = 30_000;

export interface HealthSnapshot {
  workers: (WorkerRow & { state: 'alive' | 'stale' | 'stopped' })[];
  queues: QueueDepths;
  cycles: CycleLatency;
  errors: ErrorRates;
  databaseBytes: number;
  killSwitch: boolean;
  takenAt: string;
}

/** Everything the admin console's health panel shows, read in one go. */
export async function healthSnapshot(db: Db, now: Date): Promise<HealthSnapshot> {
  const [workers, queues, cycles, errors, databaseBytes, killSwitch] = await Promise.all([
    adminWorkers(db),
    adminQueueDepths(db),
    adminCycleLatency(db),
    adminErrorRates(db),
    adminDatabaseSize(db),
    getSetting(db, 'kill_switch'),
  ]);
  return {
    workers: workers.map((w) => ({
      ...w,
      state: w.stoppedAt ? 'stopped' : w.ageMs > STALE_HEARTBEAT_MS ? 'stale' : 'alive',
    })),
    queues,
    cycles,
    errors,
    databaseBytes,
    killSwitch,
    takenAt: now.toISOString(),
  };
}
