import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../lib/db/client';
import { beatWorker, markWorkerStopped } from '../lib/db/queries/heartbeats';
import { appVersion } from '../lib/version';

/** Keeps this worker's heartbeat row fresh; other processes read it to know the worker lives. */
export function startHeartbeat(db: Db, intervalMs: number) {
  const worker = {
    id: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    hostname: hostname(),
    pid: process.pid,
    version: appVersion,
    startedAt: new Date(),
  };
  let timer: NodeJS.Timeout | undefined;
  const beat = async () => {
    try {
      await beatWorker(db, worker, new Date());
    } catch (error) {
      console.error(
        `[worker] heartbeat failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    id: worker.id,
    async start() {
      await beat();
      timer = setInterval(() => void beat(), intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await markWorkerStopped(db, worker.id, new Date()).catch(() => undefined);
    },
  };
}
