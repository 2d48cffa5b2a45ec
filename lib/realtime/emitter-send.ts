import { Emitter } from '@socket.io/postgres-emitter';

/** What the emitter needs from a pool (a `pg.Pool` fits). */
export interface Queryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/**
 * Runs one emitter call against a pool facade that (1) settles when the NOTIFY is sent, since the
 * emitter itself returns nothing to await; (2) adds the `nsp` field that
 * `@socket.io/postgres-adapter` 0.5 routes by and `@socket.io/postgres-emitter` 0.1 leaves out
 * (without it every server drops the message; a no-op once the emitter sets it); (3) refuses the
 * attachment path for payloads over the NOTIFY limit, whose encoding would also lack `nsp`;
 * (4) swallows the "error" event the emitter re-broadcasts to the room after a failed send.
 */
export function sendWithEmitter(
  pool: Queryable,
  onError: (error: unknown) => void,
  call: (emitter: Emitter) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    let issued = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error !== undefined) onError(error);
      resolve(error === undefined);
    };
    const facade: Queryable = {
      async query(text, values) {
        if (settled) return { rows: [] };
        issued = true;
        try {
          if (!text.includes('pg_notify')) {
            throw new Error(
              'event payload over the 8000-byte NOTIFY limit: publish ids and let the page refetch',
            );
          }
          const result = await pool.query(text, withNamespace(values));
          settle();
          return result;
        } catch (error) {
          settle(error);
          throw error;
        }
      },
    };
    try {
      call(new Emitter(facade));
      if (!issued) settle(new Error('the emitter sent nothing'));
    } catch (error) {
      settle(error);
    }
  });
}

/** `pg_notify(channel, payload)` values with `nsp` set from the channel (`<prefix>#<nsp>`). */
function withNamespace(values: unknown[]): unknown[] {
  const [channel, payload] = values;
  if (typeof channel !== 'string' || typeof payload !== 'string') return values;
  const message = JSON.parse(payload) as { nsp?: string };
  if (message.nsp !== undefined) return values;
  return [channel, JSON.stringify({ ...message, nsp: channel.slice(channel.indexOf('#') + 1) })];
}

/** `pg_notify`'s two arguments, for sending inside another statement. */
export interface NotifyArgs {
  channel: string;
  payload: string;
}

/**
 * The `pg_notify(channel, payload)` the emitter would send for `call`, captured instead of sent
 * (with `nsp` set, as `sendWithEmitter` does), so a caller can send it in the same statement as
 * the write it reports: one round trip, delivered on commit. Null when the emitter would not use
 * a plain NOTIFY (a payload over the limit): send that one with `sendWithEmitter`.
 */
export function captureNotify(call: (emitter: Emitter) => void): NotifyArgs | null {
  let captured: NotifyArgs | null = null;
  let done = false;
  const facade: Queryable = {
    query(text, values) {
      if (!done && text.includes('pg_notify')) {
        const [channel, payload] = withNamespace(values);
        if (typeof channel === 'string' && typeof payload === 'string')
          captured = { channel, payload };
      }
      done = true;
      // Resolves nothing for the attachment path: its later NOTIFY is ignored (done).
      return Promise.resolve({ rows: [{ id: 0 }] });
    },
  };
  call(new Emitter(facade));
  done = true;
  return captured;
}
