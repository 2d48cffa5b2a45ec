import type { ExtendedError, Socket } from 'socket.io';
import type { Db } from '../../lib/db/client';
import { findUserById } from '../../lib/db/queries/users';
import type {
  ClientToServerEvents,
  ConnectErrorCode,
  ConnectErrorData,
  RealtimeSocketData,
  ServerToClientEvents,
} from '../../lib/realtime/events';
import { verifySocketToken } from '../../lib/realtime/token';

export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<never, never>,
  RealtimeSocketData
>;

const messages: Record<ConnectErrorCode, string> = {
  token_missing: 'No realtime token: fetch one from /api/realtime/token.',
  token_expired: 'The realtime token has expired: fetch a new one.',
  token_invalid: 'The realtime token is not valid.',
  user_inactive: 'This account is signed out or disabled.',
  server_error: 'The realtime server could not check the token.',
};

/** The error a refused connection gets: the client reads `err.data.code` (see `ConnectErrorData`). */
export function connectError(code: ConnectErrorCode): ExtendedError {
  const data: ConnectErrorData = { code, message: messages[code] };
  return Object.assign(new Error(data.message), { data });
}

/**
 * Socket.IO middleware: a connection needs a valid, unexpired socket token AND an active user row
 * now (the token is 60 s old at most, but an account disabled in those seconds stays out). The
 * role comes from the row, not the token, so a demotion takes effect on the next connection.
 */
export function authenticateSocket(options: { db: Db; secret: string; now?: () => Date }) {
  return (socket: RealtimeSocket, next: (error?: ExtendedError) => void): void => {
    void authorize(socket, options).then(next);
  };
}

/** Fills `socket.data` and resolves nothing when the socket may connect; else the refusal. */
async function authorize(
  socket: RealtimeSocket,
  options: { db: Db; secret: string; now?: () => Date },
): Promise<ExtendedError | undefined> {
  const token: unknown = (socket.handshake.auth as Record<string, unknown>).token;
  if (typeof token !== 'string' || token.length === 0) return connectError('token_missing');
  const check = await verifySocketToken(token, { secret: options.secret, now: options.now?.() });
  if (!check.ok)
    return connectError(check.reason === 'expired' ? 'token_expired' : 'token_invalid');
  try {
    const user = await findUserById(options.db, check.claims.userId);
    if (!user || user.status !== 'active') return connectError('user_inactive');
    socket.data.userId = user.id;
    socket.data.role = user.role;
    return undefined;
  } catch (error) {
    console.error(
      `[realtime] user check failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return connectError('server_error');
  }
}
