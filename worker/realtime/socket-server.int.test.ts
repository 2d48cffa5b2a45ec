import { request } from 'node:http';
import { SignJWT } from 'jose';
import { io as connectRaw } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRealtimeConnection,
  RealtimeUnauthorizedError,
  type RealtimeConnection,
  type RealtimeStatus,
} from '../../components/realtime/realtime-connection';
import { findUserById, insertUser, updateUser } from '../../lib/db/queries/users';
import type { User, UserRole } from '../../lib/db/schema';
import { createPublisher, type Publisher } from '../../lib/realtime/emitter';
import type { RealtimeEvent, RealtimeEventMap } from '../../lib/realtime/events';
import { createRealtimePool } from '../../lib/realtime/pg-pool';
import { createSocketToken } from '../../lib/realtime/token';
import { createTestDatabase } from '../../test/db/test-database';
import { startSocketServer, type SocketServerHandle } from './socket-server';

const SECRET = 'integration-test-secret-with-at-least-32-chars';

type Received = { event: RealtimeEvent; payload: unknown }[];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let servers: SocketServerHandle[] = [];
let publisherPool: ReturnType<typeof createRealtimePool>;
let publisher: Publisher;
const connections: RealtimeConnection[] = [];
let users: Record<'a' | 'b' | 'admin' | 'disabled' | 'demoted', User>;

const urlOf = (server: SocketServerHandle) => `http://127.0.0.1:${server.port}`;

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A browser-like client (the real connection code) for `user` on `server`, recording events. */
async function connectAs(
  user: User,
  server: SocketServerHandle,
  options: { role?: UserRole; transports?: ('websocket' | 'polling')[] } = {},
) {
  const received: Received = [];
  let tokensFetched = 0;
  const connection = createRealtimeConnection({
    transports: options.transports ?? ['websocket'],
    retryDelayMs: () => 50,
    fetchToken: async () => {
      tokensFetched += 1;
      const current = await findUserById(database.db, user.id);
      if (current?.status !== 'active') throw new RealtimeUnauthorizedError();
      const token = await createSocketToken(
        { userId: user.id, role: options.role ?? user.role },
        { secret: SECRET },
      );
      return { token, url: urlOf(server) };
    },
  });
  connection.onAny((event, payload) => received.push({ event, payload }));
  connections.push(connection);
  connection.start();
  await waitFor(() => connection.status === 'connected', `${user.email} to connect`);
  return { connection, received, tokens: () => tokensFetched };
}

/** Connects with a raw token and resolves the refusal code (or 'connected'). */
function tryToken(server: SocketServerHandle, auth: Record<string, unknown>): Promise<string> {
  return new Promise((resolve) => {
    const socket = connectRaw(urlOf(server), {
      auth,
      transports: ['websocket'],
      reconnection: false,
    });
    socket.on('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.on('connect_error', (error) => {
      socket.disconnect();
      resolve((error as { data?: { code?: string } }).data?.code ?? error.message);
    });
  });
}

const names = (received: Received) => received.map((r) => r.event);
const at = '2030-01-01T00:00:00.000Z';

function positionOpened(positionId: string): RealtimeEventMap['position:opened'] {
  return {
    positionId,
    botId: null,
    symbol: 'BTC/USDT',
    quantity: '0.01',
    entryPrice: '65000',
    takeProfit: '66000',
    stopLoss: '64000',
    protection: 'emulated',
    at,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const make = (key: string, role: UserRole, status: 'active' | 'disabled' = 'active') =>
    insertUser(database.db, {
      email: `${key}@example.com`,
      name: key,
      passwordHash: 'x',
      role,
      status,
    });
  users = {
    a: await make('a', 'trader'),
    b: await make('b', 'trader'),
    admin: await make('admin', 'admin'),
    disabled: await make('disabled', 'trader', 'disabled'),
    demoted: await make('demoted', 'trader'),
  };
  const start = () =>
    startSocketServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: database.url,
      db: database.db,
      authSecret: SECRET,
      allowedOrigins: ['https://desk.example.com'],
    });
  servers = [await start(), await start()];
  publisherPool = createRealtimePool(database.url, { max: 2, name: 'test-publisher' });
  publisher = createPublisher(publisherPool);
});

afterAll(async () => {
  for (const connection of connections) connection.stop();
  for (const server of servers) await server.close();
  await publisherPool?.end();
  await database?.drop();
});

describe('live updates across two workers', () => {
  it("deliver a user's events to that user on every server, and to no one else", async () => {
    const [one, two] = servers as [SocketServerHandle, SocketServerHandle];
    const a1 = await connectAs(users.a, one);
    const a2 = await connectAs(users.a, two);
    const b = await connectAs(users.b, one, { transports: ['polling'] });
    const admin = await connectAs(users.admin, two);

    expect(
      await publisher.publish('position:opened', positionOpened('p-a'), { userId: users.a.id }),
    ).toBe(true);
    const log = { level: 'warn' as const, source: 'worker', message: 'exchange slow', time: at };
    expect(await publisher.publish('log:line', log, { admin: true })).toBe(true);
    const marker = {
      signalId: 's-b',
      botId: null,
      status: 'rejected' as const,
      reason: 'max positions',
      at,
    };
    expect(await publisher.publish('signal:decided', marker, { userId: users.b.id })).toBe(true);
    expect(
      await publisher.publish(
        'bot:status',
        { botId: 'bot-adm', status: 'running', reason: null, at },
        { userId: users.admin.id },
      ),
    ).toBe(true);

    await waitFor(
      () => a1.received.length >= 1 && a2.received.length >= 1,
      "A's event on both servers",
    );
    await waitFor(() => b.received.length >= 1, "B's marker");
    await waitFor(() => names(admin.received).includes('bot:status'), "the admin's own event");

    expect(a1.received).toEqual([{ event: 'position:opened', payload: positionOpened('p-a') }]);
    expect(a2.received).toEqual([{ event: 'position:opened', payload: positionOpened('p-a') }]);
    // B's marker was published after A's event and the log line, on the same server's ordered
    // NOTIFY stream: anything of theirs that could reach B would have arrived first.
    expect(b.received).toEqual([{ event: 'signal:decided', payload: marker }]);
    expect(admin.received).toEqual([
      { event: 'log:line', payload: log },
      { event: 'bot:status', payload: { botId: 'bot-adm', status: 'running', reason: null, at } },
    ]);
  });

  it('take the role from the user row, not the token', async () => {
    const [one] = servers as [SocketServerHandle];
    const demoted = await connectAs(users.demoted, one, { role: 'admin' });
    const marker = { signalId: 's-d', botId: null, status: 'executed' as const, reason: null, at };
    await publisher.publish(
      'log:line',
      { level: 'info', source: 'admin', message: 'secret', time: at },
      { admin: true },
    );
    await publisher.publish('signal:decided', marker, { userId: users.demoted.id });
    await waitFor(() => demoted.received.length >= 1, 'the marker');
    expect(names(demoted.received)).toEqual(['signal:decided']);
  });

  it('refuse missing, expired, forged and foreign tokens, and disabled users', async () => {
    const [one, two] = servers as [SocketServerHandle, SocketServerHandle];
    const valid = await createSocketToken(
      { userId: users.a.id, role: 'trader' },
      { secret: SECRET },
    );
    expect(await tryToken(one, { token: valid })).toBe('connected');
    expect(await tryToken(one, {})).toBe('token_missing');
    const expired = await createSocketToken(
      { userId: users.a.id, role: 'trader' },
      { secret: SECRET, now: new Date(Date.now() - 120_000) },
    );
    expect(await tryToken(two, { token: expired })).toBe('token_expired');
    const forged = await createSocketToken(
      { userId: users.a.id, role: 'admin' },
      { secret: `${SECRET}-not-ours` },
    );
    expect(await tryToken(one, { token: forged })).toBe('token_invalid');
    const rawSecret = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(users.a.id)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(SECRET));
    expect(await tryToken(one, { token: rawSecret })).toBe('token_invalid');
    const disabled = await createSocketToken(
      { userId: users.disabled.id, role: 'trader' },
      { secret: SECRET },
    );
    expect(await tryToken(two, { token: disabled })).toBe('user_inactive');
  });

  it('reconnect with a fresh token after the server drops a socket, and stop once the user is disabled', async () => {
    const [one] = servers as [SocketServerHandle];
    const b = await connectAs(users.b, one);
    let resynced = 0;
    b.connection.onResync(() => (resynced += 1));
    const statuses: RealtimeStatus[] = [];
    b.connection.onStatus((status) => statuses.push(status));
    const before = b.tokens();

    expect(await publisher.disconnectUser(users.b.id)).toBe(true);
    await waitFor(() => resynced === 1 && b.connection.status === 'connected', 'B to reconnect');
    expect(b.tokens()).toBeGreaterThan(before);
    expect(statuses).toContain('reconnecting');
    await publisher.publish(
      'job:progress',
      { jobId: 'j1', kind: 'backtest', status: 'running', percent: 40, message: null, at },
      { userId: users.b.id },
    );
    await waitFor(() => names(b.received).includes('job:progress'), 'an event after the reconnect');

    await updateUser(database.db, users.b.id, { status: 'disabled' });
    await publisher.disconnectUser(users.b.id);
    await waitFor(() => b.connection.status === 'unauthorized', 'B to be shut out');
  });

  it('answer browsers only from allowed origins', async () => {
    const [one] = servers as [SocketServerHandle];
    const handshake = (origin: string) =>
      new Promise<{ status: number; allowOrigin: string | undefined }>((resolve, reject) => {
        const req = request(
          `${urlOf(one)}/socket.io/?EIO=4&transport=polling`,
          { headers: { origin } },
          (res) => {
            res.resume();
            resolve({
              status: res.statusCode ?? 0,
              allowOrigin: res.headers['access-control-allow-origin'],
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await handshake('http://127.0.0.1:3000')).toEqual({
      status: 200,
      allowOrigin: 'http://127.0.0.1:3000',
    });
    expect(await handshake('https://desk.example.com')).toEqual({
      status: 200,
      allowOrigin: 'https://desk.example.com',
    });
    expect((await handshake('https://evil.example')).status).toBe(403);
  });
});
