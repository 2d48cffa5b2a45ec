import { describe, expect, it } from 'vitest';
import { createPublisher } from './emitter';
import type { Queryable } from './emitter-send';

type Call = { text: string; values: unknown[] };

function fakePool(fail?: (call: Call) => Error | undefined) {
  const calls: Call[] = [];
  const pool: Queryable = {
    query(text, values) {
      const call = { text, values };
      calls.push(call);
      const error = fail?.(call);
      return error ? Promise.reject(error) : Promise.resolve({ rows: [] });
    },
  };
  return { pool, calls };
}

const at = '2030-01-01T00:00:00.000Z';
const status = { botId: 'bot-1', status: 'running' as const, reason: null, at };

describe('createPublisher', () => {
  it("NOTIFYs the main namespace's channel with the packet for the user's room and the namespace set", async () => {
    const { pool, calls } = fakePool();
    const errors: unknown[] = [];
    const publisher = createPublisher(pool, { onError: (e) => errors.push(e) });
    expect(await publisher.publish('bot:status', status, { userId: 'u1' })).toBe(true);
    expect(errors).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.text).toBe('SELECT pg_notify($1, $2)');
    expect(calls[0]!.values[0]).toBe('socket.io#/');
    expect(JSON.parse(calls[0]!.values[1] as string)).toEqual({
      type: 3,
      uid: 'emitter',
      nsp: '/',
      data: {
        packet: { type: 2, data: ['bot:status', status], nsp: '/' },
        opts: { rooms: ['user:u1'], flags: {}, except: [] },
      },
    });
  });

  it('sends admin events to the admin room and refuses admin-only events for a user', async () => {
    const { pool, calls } = fakePool();
    const errors: unknown[] = [];
    const publisher = createPublisher(pool, { onError: (e) => errors.push(e) });
    const line = { level: 'info' as const, source: 'worker', message: 'started', time: at };
    expect(await publisher.publish('log:line', line, { admin: true })).toBe(true);
    expect(JSON.parse(calls[0]!.values[1] as string).data.opts.rooms).toEqual(['admin']);
    // @ts-expect-error the system log never goes to a user's room
    expect(await publisher.publish('log:line', line, { userId: 'u1' })).toBe(false);
    expect(await publisher.publish('bot:status', status, { userId: '' })).toBe(false);
    expect(calls).toHaveLength(1);
    expect(errors).toHaveLength(2);
  });

  it('resolves false without re-broadcasting anything when the database fails', async () => {
    const { pool, calls } = fakePool(() => new Error('connection refused'));
    const errors: unknown[] = [];
    const publisher = createPublisher(pool, { onError: (e) => errors.push(e) });
    expect(await publisher.publish('bot:status', status, { userId: 'u1' })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(1);
    expect(errors.map(String)).toEqual(['Error: connection refused']);
  });

  it('refuses payloads over the NOTIFY limit and payloads that are not JSON', async () => {
    const { pool, calls } = fakePool();
    const errors: unknown[] = [];
    const publisher = createPublisher(pool, { onError: (e) => errors.push(e) });
    const huge = { ...status, reason: 'x'.repeat(9000) };
    expect(await publisher.publish('bot:status', huge, { userId: 'u1' })).toBe(false);
    const circular: Record<string, unknown> = { ...status };
    circular.self = circular;
    expect(await publisher.publish('bot:status', circular as never, { userId: 'u1' })).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.filter((c) => c.text.includes('pg_notify'))).toHaveLength(0);
    expect(errors).toHaveLength(2);
  });

  it("disconnects a user's sockets on every server", async () => {
    const { pool, calls } = fakePool();
    const publisher = createPublisher(pool, { onError: () => undefined });
    expect(await publisher.disconnectUser('u1')).toBe(true);
    expect(JSON.parse(calls[0]!.values[1] as string)).toMatchObject({
      type: 6,
      nsp: '/',
      data: { opts: { rooms: ['user:u1'], except: [] }, close: true },
    });
  });
});
