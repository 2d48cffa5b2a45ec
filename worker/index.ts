/**
 * The worker process: config → database → heartbeat → job runner → graceful shutdown.
 * `npm run worker` starts one more against the same database. The job runner arrives with the
 * bots issue; until then the worker only proves it is alive.
 */
import { getConfig } from '../lib/config';
import { closeDb, getDb } from '../lib/db';
import { logSystem } from '../lib/log/system-log';
import { applyLocalEnv } from '../lib/runtime/local-env';
import { onShutdown } from '../lib/runtime/shutdown';
import { startHeartbeat } from './heartbeat';

applyLocalEnv();
const config = getConfig();
const db = getDb();
const heartbeat = startHeartbeat(db, config.HEARTBEAT_INTERVAL_MS);
await heartbeat.start();
await logSystem(db, { level: 'info', source: 'worker', message: `worker ${heartbeat.id} started` });

onShutdown('worker', async () => {
  await heartbeat.stop();
  await logSystem(db, { level: 'info', source: 'worker', message: `worker ${heartbeat.id} stopped` });
  await closeDb();
});
