/**
 * Publishing live events from any process (web or worker) to the browsers in a room, whichever
 * worker their socket is connected to: `@socket.io/postgres-emitter` sends a NOTIFY that every
 * Socket.IO server's `@socket.io/postgres-adapter` hears.
 *
 * Publishing is best effort and never throws: it resolves `true` once the NOTIFY is sent and
 * `false` (after reporting why) when it could not be. The database stays the source of truth; a
 * page that missed an event catches up when its queries refetch.
 */
import type pg from 'pg';
import { getConfig } from '../config';
import {
  ADMIN_ROOM,
  isAdminOnlyEvent,
  userRoom,
  type AdminOnlyEvent,
  type RealtimeEvent,
  type RealtimeEventMap,
} from './events';
import { captureNotify, sendWithEmitter, type NotifyArgs, type Queryable } from './emitter-send';
import { createRealtimePool } from './pg-pool';

/** A user's room, or the admin room. Admin-only events (the system log) cannot go to a user. */
export type PublishTarget<E extends RealtimeEvent> = E extends AdminOnlyEvent
  ? { admin: true }
  : { userId: string } | { admin: true };

export interface Publisher {
  publish<E extends RealtimeEvent>(
    event: E,
    payload: RealtimeEventMap[E],
    target: PublishTarget<E>,
  ): Promise<boolean>;
  /** Closes every socket of a user on every server (after disabling them or changing their role). */
  disconnectUser(userId: string): Promise<boolean>;
}

export function createPublisher(
  pool: Queryable,
  options: { onError?: (error: unknown) => void } = {},
): Publisher {
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(
        `[realtime] publish failed: ${error instanceof Error ? error.message : String(error)}`,
      ));
  return {
    publish(event, payload, target) {
      const room = roomOf(event, target);
      if (room instanceof Error) return failed(onError, room);
      try {
        JSON.stringify(payload);
      } catch (error) {
        return failed(onError, new Error(`"${event}" payload is not JSON: ${String(error)}`));
      }
      return sendWithEmitter(pool, onError, (emitter) => emitter.to(room).emit(event, payload));
    },
    disconnectUser(userId) {
      if (!userId) return failed(onError, new Error('disconnectUser needs a user id'));
      return sendWithEmitter(pool, onError, (emitter) =>
        emitter.in(userRoom(userId)).disconnectSockets(true),
      );
    },
  };
}

/**
 * The NOTIFY arguments `publish(event, payload, target)` would send, for a caller that sends
 * them in its own statement (see `captureNotify`). Null when the event cannot go that way (a bad
 * target, a payload that is not JSON or over the limit): publish it instead.
 */
export function notifyArgsOf<E extends RealtimeEvent>(
  event: E,
  payload: RealtimeEventMap[E],
  target: PublishTarget<E>,
): NotifyArgs | null {
  const room = roomOf(event, target);
  if (room instanceof Error) return null;
  try {
    return captureNotify((emitter) => emitter.to(room).emit(event, payload));
  } catch {
    return null;
  }
}

function roomOf(
  event: RealtimeEvent,
  target: { userId: string } | { admin: true },
): string | Error {
  if ('admin' in target && target.admin) return ADMIN_ROOM;
  if (isAdminOnlyEvent(event)) return new Error(`"${event}" is for admins only`);
  if ('userId' in target && target.userId) return userRoom(target.userId);
  return new Error(`"${event}" has no target user`);
}

function failed(onError: (error: unknown) => void, error: Error): Promise<boolean> {
  onError(error);
  return Promise.resolve(false);
}

const globalForRealtime = globalThis as unknown as {
  ospreyRealtimePublisher?: { pool: pg.Pool; publisher: Publisher };
  ospreyRealtimeSetupReported?: boolean;
};

/** This process's publisher, on a small pool created on first use from DATABASE_URL. */
function processPublisher(): Publisher {
  globalForRealtime.ospreyRealtimePublisher ??= (() => {
    const pool = createRealtimePool(getConfig().DATABASE_URL, { max: 2, name: 'publisher' });
    return { pool, publisher: createPublisher(pool) };
  })();
  return globalForRealtime.ospreyRealtimePublisher.publisher;
}

/**
 * Sends `event` to a user's sockets (`{ userId }`) or to admins (`{ admin: true }`), on every
 * worker. Safe to fire and forget (`void publish(…)`): it never rejects.
 */
export function publish<E extends RealtimeEvent>(
  event: E,
  payload: RealtimeEventMap[E],
  target: PublishTarget<E>,
): Promise<boolean> {
  try {
    return processPublisher().publish(event, payload, target);
  } catch (error) {
    reportSetupFailure(error);
    return Promise.resolve(false);
  }
}

/**
 * A process that cannot build its publisher (no valid configuration, e.g. a script or a test
 * without the app's environment) says so once, not on every event.
 */
function reportSetupFailure(error: unknown) {
  if (globalForRealtime.ospreyRealtimeSetupReported) return;
  globalForRealtime.ospreyRealtimeSetupReported = true;
  console.error(
    `[realtime] publishing disabled in this process: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** Closes a user's sockets everywhere; they reconnect with a fresh token and current rooms. */
export function disconnectUser(userId: string): Promise<boolean> {
  try {
    return processPublisher().disconnectUser(userId);
  } catch (error) {
    reportSetupFailure(error);
    return Promise.resolve(false);
  }
}

/** Ends this process's publisher pool (graceful shutdown). */
export async function closePublisher(): Promise<void> {
  const current = globalForRealtime.ospreyRealtimePublisher;
  globalForRealtime.ospreyRealtimePublisher = undefined;
  if (current) await current.pool.end();
}
