/**
 * The browser's live-update connection, without React (the provider wraps it; tests drive it in
 * Node). It fetches a 60-second token, connects to the worker's Socket.IO server, and keeps
 * reconnecting with a fresh token each time: Socket.IO calls the `auth` callback on every
 * (re)connect. Event handlers live here, not on the socket, so they survive reconnects; the
 * server puts a socket back in its rooms on every connect. After a reconnect, `onResync`
 * listeners run so pages can refetch what they may have missed.
 */
import { io, type Socket } from 'socket.io-client';
import {
  connectErrorDataSchema,
  realtimeTokenResponseSchema,
  type ClientToServerEvents,
  type RealtimeEvent,
  type RealtimeEventMap,
  type RealtimeTokenResponse,
  type ServerToClientEvents,
} from '@/lib/realtime/events';

/** `unauthorized`: signed out or disabled; no more attempts until `start()` is called again. */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

export type RealtimeHandler<E extends RealtimeEvent> = (payload: RealtimeEventMap[E]) => void;
export type AnyRealtimeHandler = <E extends RealtimeEvent>(
  event: E,
  payload: RealtimeEventMap[E],
) => void;

/** Thrown by a token fetcher when the user is not signed in (401/403): stop retrying. */
export class RealtimeUnauthorizedError extends Error {
  constructor() {
    super('Not signed in: no realtime token.');
    this.name = 'RealtimeUnauthorizedError';
  }
}

export interface RealtimeConnectionOptions {
  fetchToken: () => Promise<RealtimeTokenResponse>;
  /** Delay before retry number `attempt` (from 1) after a refused connection. */
  retryDelayMs?: (attempt: number) => number;
  /** Transports to try, in order. */
  transports?: ('websocket' | 'polling')[];
}

export interface RealtimeConnection {
  readonly status: RealtimeStatus;
  start(): void;
  stop(): void;
  on<E extends RealtimeEvent>(event: E, handler: RealtimeHandler<E>): () => void;
  onAny(handler: AnyRealtimeHandler): () => void;
  onStatus(listener: (status: RealtimeStatus) => void): () => void;
  onResync(listener: () => void): () => void;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const defaultRetryDelay = (attempt: number) =>
  Math.min(30_000, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);

export function createRealtimeConnection(options: RealtimeConnectionOptions): RealtimeConnection {
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const anyHandlers = new Set<AnyRealtimeHandler>();
  const statusListeners = new Set<(status: RealtimeStatus) => void>();
  const resyncListeners = new Set<() => void>();
  let status: RealtimeStatus = 'idle';
  let socket: ClientSocket | undefined;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let everConnected = false;
  let unauthorized = false;

  const setStatus = (next: RealtimeStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  /** Runs every handler for an event; one that throws does not stop the others. */
  const dispatch = (event: string, payload: unknown) => {
    const run = (handler: () => void) => {
      try {
        handler();
      } catch (error) {
        console.error(`[realtime] a "${event}" handler failed`, error);
      }
    };
    for (const handler of handlers.get(event) ?? []) run(() => handler(payload));
    for (const handler of anyHandlers) run(() => handler(event as RealtimeEvent, payload as never));
  };

  /** Drops the current socket for good (its listeners first, so closing it triggers nothing). */
  const teardown = () => {
    generation += 1;
    clearTimeout(retryTimer);
    socket?.offAny(dispatch);
    socket?.removeAllListeners();
    socket?.disconnect();
    socket = undefined;
  };

  const scheduleRetry = (connect: () => void) => {
    attempts += 1;
    setStatus(everConnected ? 'reconnecting' : 'connecting');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryDelay(attempts));
  };

  const open = async (mine: number) => {
    let first: RealtimeTokenResponse;
    try {
      first = await options.fetchToken();
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof RealtimeUnauthorizedError) return setStatus('unauthorized');
      return scheduleRetry(() => void open(mine));
    }
    if (mine !== generation) return;
    let pending: RealtimeTokenResponse | undefined = first;
    const s: ClientSocket = io(first.url, {
      transports: options.transports ?? ['websocket', 'polling'],
      tryAllTransports: true,
      withCredentials: false,
      // Called before every (re)connect: the first uses the token just fetched, later ones a new one.
      auth: (callback) => {
        const ready = pending;
        pending = undefined;
        if (ready) return callback({ token: ready.token });
        options.fetchToken().then(
          (fresh) => callback({ token: fresh.token }),
          (error: unknown) => {
            if (error instanceof RealtimeUnauthorizedError) unauthorized = true;
            callback({ token: '' });
          },
        );
      },
    });
    socket = s;
    s.onAny(dispatch);
    s.on('connect', () => {
      attempts = 0;
      setStatus('connected');
      if (everConnected) for (const listener of resyncListeners) listener();
      everConnected = true;
    });
    s.on('disconnect', (reason) => {
      if (mine !== generation || reason === 'io client disconnect') return;
      // The server closed this socket (e.g. the user was disconnected everywhere): try again,
      // with a fresh token, so the server decides again who this is.
      if (!s.active) return scheduleRetry(() => s.connect());
      setStatus('reconnecting');
    });
    s.on('connect_error', (error) => {
      if (mine !== generation) return;
      const refused = connectErrorDataSchema.safeParse((error as { data?: unknown }).data);
      if (unauthorized || (refused.success && refused.data.code === 'user_inactive')) {
        teardown();
        return setStatus('unauthorized');
      }
      // Refused by the server (e.g. an expired token): Socket.IO does not retry by itself.
      if (!s.active) return scheduleRetry(() => s.connect());
      setStatus(everConnected ? 'reconnecting' : 'connecting');
    });
  };

  return {
    get status() {
      return status;
    },
    start() {
      if (status !== 'idle' && status !== 'unauthorized') return;
      teardown();
      attempts = 0;
      everConnected = false;
      unauthorized = false;
      setStatus('connecting');
      void open(generation);
    },
    stop() {
      teardown();
      setStatus('idle');
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      const entry = handler as (payload: unknown) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    onAny(handler) {
      anyHandlers.add(handler);
      return () => {
        anyHandlers.delete(handler);
      };
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => {
        resyncListeners.delete(listener);
      };
    },
  };
}

/** The browser's token fetcher: the signed-in user's session cookie authorizes it. */
export async function fetchRealtimeToken(): Promise<RealtimeTokenResponse> {
  const response = await fetch('/api/realtime/token', {
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.status === 401 || response.status === 403) throw new RealtimeUnauthorizedError();
  if (!response.ok) throw new Error(`realtime token request failed (${response.status})`);
  return realtimeTokenResponseSchema.parse(await response.json());
}
