import type { Config } from '../../lib/config';
import type { Db } from '../../lib/db/client';
import { startSocketServer, type SocketServerHandle } from './socket-server';

/**
 * Starts this worker's Socket.IO server on WORKER_PORT. When another worker on this machine
 * already holds the port, this one serves no sockets (browsers are served by that one, and every
 * worker still publishes through PostgreSQL): returns null instead of failing the worker.
 */
export async function startRealtime(config: Config, db: Db): Promise<SocketServerHandle | null> {
  try {
    const server = await startSocketServer({
      port: config.WORKER_PORT,
      databaseUrl: config.DATABASE_URL,
      db,
    });
    console.log(`[worker] live updates (Socket.IO) on :${server.port}`);
    return server;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(
      `[worker] port ${config.WORKER_PORT} is in use: this worker serves no live-update sockets`,
    );
    return null;
  }
}
