/**
 * Holds the embedded PostgreSQL for the launcher, in a process group of its own: Ctrl-C in a
 * terminal signals the launcher's group only, so PostgreSQL keeps serving while web and worker
 * shut down, and stops last, when the launcher says so (or when the launcher is gone).
 */
import { startEmbeddedPostgres } from '../lib/db/embedded';

const [dir, password, database] = process.argv.slice(2);
if (!dir || !password || !database || !process.send) {
  console.error('usage: forked by the launcher with <dir> <password> <database>');
  process.exit(2);
}

const server = await startEmbeddedPostgres({ dir, password, database });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => void stop());
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.send({ type: 'ready', url: server.url, port: server.port });
