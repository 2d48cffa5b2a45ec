/**
 * The worker process: config → database → heartbeat → job runner → graceful shutdown.
 * `npm run worker` starts one more against the same database; workers share all work through
 * PostgreSQL (leases and `SKIP LOCKED`), so any number can run.
 */
import { createAiDecider } from '../lib/ai-runtime/create-ai-decider';
import { getConfig } from '../lib/config';
import { closeDb, getDb } from '../lib/db';
import { logSystem } from '../lib/log/system-log';
import { applyLocalEnv } from '../lib/runtime/local-env';
import { closePublisher } from '../lib/realtime/emitter';
import { onShutdown } from '../lib/runtime/shutdown';
import { getTrading } from '../lib/trading/runtime';
import { startHeartbeat } from './heartbeat';
import { startJobs } from './jobs';
import { startLowPriority, WORKER_SESSION_NAME } from './priority';
import { startRealtime } from './realtime/start-realtime';

applyLocalEnv();
const config = getConfig();
const db = getDb(WORKER_SESSION_NAME); // the first call opens the pool: its sessions are the worker's
const priority = startLowPriority(db, { nice: config.WORKER_NICE });
const heartbeat = startHeartbeat(db, config.HEARTBEAT_INTERVAL_MS);
await heartbeat.start();
const realtime = await startRealtime(config, db);
// Aborted on shutdown: an AI call in flight ends as a logged hold instead of delaying the stop.
const aiCalls = new AbortController();
const aiDecider = createAiDecider(getTrading().deps, { signal: aiCalls.signal });
const jobs = startJobs(getTrading().deps, heartbeat.id, config, { aiDecider });
await logSystem(db, { level: 'info', source: 'worker', message: `worker ${heartbeat.id} started` });

onShutdown('worker', async () => {
  aiCalls.abort();
  priority.stop();
  await jobs.stop();
  await realtime?.close();
  await closePublisher();
  await heartbeat.stop();
  await logSystem(db, {
    level: 'info',
    source: 'worker',
    message: `worker ${heartbeat.id} stopped`,
  });
  await closeDb();
});
