import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealtimeConnection } from '../../components/realtime/realtime-connection';
import { keyRingFromHex } from '../../lib/crypto/secret-box';
import type { Bot } from '../../lib/db/schema';
import { createPublisher, notifyArgsOf } from '../../lib/realtime/emitter';
import type { PriceTickEvent } from '../../lib/realtime/events';
import { createRealtimePool } from '../../lib/realtime/pg-pool';
import { createPriceTicks } from '../../lib/realtime/price-ticks';
import { createSocketToken } from '../../lib/realtime/token';
import type { TradingDeps } from '../../lib/trading/deps';
import { createExchangeRegistry } from '../../lib/trading/exchange-registry';
import { createTestDatabase } from '../../test/db/test-database';
import { createPaperBots } from '../../test/worker-faults/paper-bots';
import { runDueBotCycles } from '../jobs/bot-cycles';
import { startSocketServer, type SocketServerHandle } from './socket-server';

const SECRET = 'integration-test-secret-with-at-least-32-chars';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let server: SocketServerHandle;
let pool: ReturnType<typeof createRealtimePool>;
const stops: (() => void)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startSocketServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    db: database.db,
    authSecret: SECRET,
    allowedOrigins: [],
  });
  pool = createRealtimePool(database.url, { max: 2, name: 'test-publisher' });
});

afterAll(async () => {
  for (const stop of stops) stop();
  await server?.close();
  await pool?.end();
  await database?.drop();
});

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A browser-like client (the real connection code) for a user, recording its price ticks. */
async function ticksOf(
  userId: string,
): Promise<PriceTickEvent[] & { markers: number; cycles: string[] }> {
  const ticks = Object.assign([] as PriceTickEvent[], { markers: 0, cycles: [] as string[] });
  const connection = createRealtimeConnection({
    transports: ['websocket'],
    retryDelayMs: () => 50,
    fetchToken: async () => ({
      token: await createSocketToken({ userId, role: 'trader' }, { secret: SECRET }),
      url: `http://127.0.0.1:${server.port}`,
    }),
  });
  connection.on('price:tick', (tick) => ticks.push(tick));
  connection.on('job:progress', () => (ticks.markers += 1));
  connection.on('cycle:finished', (cycle) => ticks.cycles.push(cycle.botId));
  stops.push(() => connection.stop());
  connection.start();
  await waitFor(() => connection.status === 'connected', 'the socket to connect');
  return ticks;
}

describe('live price ticks from bot cycles', () => {
  it("reach the bot owner's sockets for their own accounts only, throttled per symbol", async () => {
    const due = new Date(Date.now() - 1_000);
    const make = () =>
      createPaperBots(database.db, {
        users: 1,
        botsPerUser: 4,
        intervalSeconds: 60,
        firstSlot: due,
      });
    const [aBots, bBots] = [await make(), await make()] as [Bot[], Bot[]];
    const userA = aBots[0]!.userId;
    const userB = bBots[0]!.userId;
    const accountA = aBots[0]!.exchangeAccountId;
    const accountB = bBots[0]!.exchangeAccountId;
    const [aTicks, bTicks] = [await ticksOf(userA), await ticksOf(userB)];

    // The worker's wiring: real cycles on the simulated market, ticks through the emitter.
    const publisher = createPublisher(pool);
    const registry = createExchangeRegistry({
      db: database.db,
      keyRing: keyRingFromHex(randomBytes(32).toString('hex')),
      marketDataMode: 'simulated',
      seed: 'price-ticks',
    });
    const deps: TradingDeps = {
      db: database.db,
      exchangeFor: (account) => registry.exchangeFor(account),
      now: () => new Date(),
      notify: async (event) =>
        void (await publisher.publish(
          event.type,
          event.payload as never,
          { userId: event.userId } as never,
        )),
    };
    const priceTicks = createPriceTicks((userId, tick) =>
      deps.notify({ type: 'price:tick', userId, payload: tick }),
    );
    expect(
      await runDueBotCycles(deps, 'worker-ticks', {
        batch: 4,
        concurrency: 2,
        priceTicks,
        // As in production: the cycle's own events go out in its finish statement.
        encodeEvent: (event) =>
          notifyArgsOf(event.type, event.payload as never, { userId: event.userId }),
      }),
    ).toBe(8);

    // Each user has 2 bots on BTC/USDT and 2 on ETH/USDT: one tick per symbol (throttled).
    await waitFor(
      () =>
        aTicks.length >= 2 &&
        bTicks.length >= 2 &&
        aTicks.cycles.length + bTicks.cycles.length >= 8,
      'both users’ ticks and cycle events',
    );
    // B's marker goes out after every tick of A's, on the same ordered NOTIFY stream: anything of
    // A's that could reach B would have arrived before it.
    await publisher.publish(
      'job:progress',
      { jobId: 'marker', kind: 'export', status: 'queued', percent: 0, message: null, at: '' },
      { userId: userB },
    );
    await waitFor(() => bTicks.markers === 1, "B's marker");
    const summary = (ticks: PriceTickEvent[]) =>
      ticks
        .map(
          (t) =>
            `${t.accountId === accountA ? 'A' : t.accountId === accountB ? 'B' : '?'} ${t.venue} ${t.symbol}`,
        )
        .sort();
    expect(summary(aTicks)).toEqual(['A paper BTC/USDT', 'A paper ETH/USDT']);
    expect(summary(bTicks)).toEqual(['B paper BTC/USDT', 'B paper ETH/USDT']);
    // The cycles' own events, sent with their finish statements, also reach their owner only.
    expect(aTicks.cycles.sort()).toEqual(aBots.map((b) => b.id).sort());
    expect(bTicks.cycles.sort()).toEqual(bBots.map((b) => b.id).sort());
    for (const tick of aTicks) {
      expect(Number(tick.price)).toBeGreaterThan(0);
      expect(Date.parse(tick.time)).toBeLessThanOrEqual(Date.now());
      expect(JSON.stringify(tick).length).toBeLessThan(300);
    }
  });
});
