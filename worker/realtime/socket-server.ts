/**
 * The worker's Socket.IO server (live updates, DESIGN §7). Every worker runs one; the PostgreSQL
 * adapter joins them, so an event published anywhere reaches a user's sockets on every worker.
 * A socket authenticates once with a short-lived token, then sits in its user's room (admins
 * also in the admin room) and only receives; browsers send nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Server } from 'socket.io';
import { getConfig } from '../../lib/config';
import type { Db } from '../../lib/db/client';
import { sendWithEmitter } from '../../lib/realtime/emitter-send';
import {
  ADMIN_ROOM,
  userRoom,
  type ClientToServerEvents,
  type RealtimeSocketData,
  type ServerToClientEvents,
} from '../../lib/realtime/events';
import { createRealtimePool } from '../../lib/realtime/pg-pool';
import { authenticateSocket } from './authenticate-socket';
import { isAllowedOrigin } from './origin-policy';

/** Between Socket.IO servers only: the start-up probe that proves the adapter is listening. */
interface InterServerEvents {
  'osprey:probe': (nonce: string) => void;
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  RealtimeSocketData
>;

export interface SocketServerOptions {
  /** WORKER_PORT; 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on; default all (browsers on other machines reach the worker). */
  host?: string;
  databaseUrl: string;
  db: Db;
  /** Default: AUTH_SECRET from the configuration. */
  authSecret?: string;
  /** Browser origins allowed besides the worker's own host. Default: NEXTAUTH_URL's origin. */
  allowedOrigins?: string[];
  /** How long to wait for the adapter to hear the database at start (then start anyway). */
  readyTimeoutMs?: number;
}

export interface SocketServerHandle {
  io: RealtimeServer;
  port: number;
  close: () => Promise<void>;
}

export async function startSocketServer(options: SocketServerOptions): Promise<SocketServerHandle> {
  const secret = options.authSecret ?? getConfig().AUTH_SECRET;
  const allowedOrigins =
    options.allowedOrigins ?? [getConfig().NEXTAUTH_URL].filter((url) => url !== undefined);
  const http = createServer((_request, response) => {
    response.writeHead(404).end();
  });
  // Listen first: a taken port fails here, before anything needs closing.
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const pool = createRealtimePool(options.databaseUrl, { max: 4, name: 'adapter' });
  const io: RealtimeServer = new Server(http, {
    serveClient: false,
    // Browsers only send the handshake (a token of a few hundred bytes).
    maxHttpBufferSize: 16 * 1024,
    transports: ['polling', 'websocket'],
    // Tokens travel in the handshake, never in cookies: no credentials. `allowRequest` decides.
    cors: { origin: true, credentials: false, methods: ['GET', 'POST'] },
    allowRequest: (request, callback) =>
      callback(null, isAllowedOrigin(request.headers.origin, request.headers.host, allowedOrigins)),
    adapter: createAdapter(pool, {
      errorHandler: (error) => console.error(`[realtime] adapter: ${error.message}`),
    }),
  });
  io.use(authenticateSocket({ db: options.db, secret }));
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.userId));
    if (socket.data.role === 'admin') void socket.join(ADMIN_ROOM);
  });

  if (!(await adapterListening(io, pool, options.readyTimeoutMs ?? 10_000))) {
    console.error('[realtime] the PostgreSQL adapter is not receiving yet; it keeps retrying');
  }

  return {
    io,
    port,
    close: async () => {
      // Closes every socket and the adapter (its LISTEN connection), then the HTTP server.
      await io.close();
      await pool.end();
    },
  };
}

/**
 * Sends probes through the database until this server's adapter hears one: from then on, events
 * published by any process reach this server's sockets.
 */
async function adapterListening(
  io: RealtimeServer,
  pool: ReturnType<typeof createRealtimePool>,
  timeoutMs: number,
) {
  const nonce = randomUUID();
  let heard = false;
  const listener = (received: string) => {
    if (received === nonce) heard = true;
  };
  io.on('osprey:probe', listener);
  const deadline = Date.now() + timeoutMs;
  while (!heard && Date.now() < deadline) {
    await sendWithEmitter(
      pool,
      () => undefined,
      (emitter) => emitter.serverSideEmit('osprey:probe', nonce),
    );
    for (let i = 0; i < 10 && !heard; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  io.off('osprey:probe', listener);
  return heard;
}
