import type { Server } from 'node:http';

/** How long an idle keep-alive connection stays open (announced as `Keep-Alive: timeout=65`). */
export const KEEP_ALIVE_MS = 65_000;

/**
 * Keeps a server's idle connections open 65 s instead of Node's 5 s: longer than reverse proxies'
 * and senders' pooled connections usually idle, so the server is not the side that closes one just
 * as a request is sent on it (the sender would see a reset instead of an answer).
 */
export function keepIdleConnections(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  return server;
}
