import { and, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botCycles, orders, positions, signals } from '../../lib/db/schema';
import { CYCLE_LEASE_MS } from '../../worker/jobs/bot-cycles';
import { createTestDatabase } from '../db/test-database';
import { startFakeBinance } from '../fake-binance';
import { queueManualSignal } from '../trading/trading-fixture';
import { createBinanceAccount } from './binance-account';
import { startChildWorker } from './child-worker';
import { insertRunningBots } from './running-bots';
import { startTcpProxy } from './tcp-proxy';

/** The outage: every pool connection dies and new ones are refused for 30 s. */
const OUTAGE_MS = 30_000;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('the database goes away mid-run', () => {
  it(`for ${OUTAGE_MS / 1000} s: no exchange request without a committed intent; cycles and signals resume`, async () => {
    const fake = await startFakeBinance({
      balances: { USDT: '100000' },
      prices: { BTCUSDT: '30000' },
    });
    const target = new URL(t.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const proxied = new URL(t.url);
    proxied.port = String(proxy.port);
    const { user, account, keyHex } = await createBinanceAccount(t.db, fake);
    const bots = await insertRunningBots(t.db, {
      userId: user.id,
      accountId: account.id,
      count: 5,
      intervalSeconds: 2,
    });
    const botIds = bots.map((b) => b.id);
    const worker = startChildWorker(['jobs'], {
      DATABASE_URL: proxied.toString(),
      ENCRYPTION_KEY: keyHex,
      FAKE_BINANCE_URL: fake.url,
      EXIT_MONITOR_INTERVAL_MS: '1000',
    });

    // A steady stream of manual orders (buy, then close) through the test's own connection.
    let feeding = true;
    let n = 0;
    const feeder = (async () => {
      while (feeding) {
        const action = n++ % 2 === 0 ? 'buy' : 'close';
        await queueManualSignal(t.db, account, {
          action,
          ...(action === 'buy'
            ? { quoteAmount: '100', takeProfit: '31000', stopLoss: '29000' }
            : {}),
        });
        await sleep(300);
      }
    })();

    try {
      const entriesPlaced = async () =>
        (
          await t.db
            .select()
            .from(orders)
            .where(and(eq(orders.exchangeAccountId, account.id), eq(orders.status, 'filled')))
        ).length;
      await waitFor('the worker to trade', async () => (await entriesPlaced()) >= 2, 60_000);

      proxy.cut();
      const cutAt = new Date();
      await sleep(OUTAGE_MS);
      proxy.restore();
      const restoredAt = new Date();

      // Cycles resume by themselves: every bot runs a cycle after the outage (a bot claimed just
      // before the cut waits for its lease to expire).
      await waitFor(
        'every bot to cycle again',
        async () => {
          const rows = await t.db
            .selectDistinct({ botId: botCycles.botId })
            .from(botCycles)
            .where(and(inArray(botCycles.botId, botIds), gt(botCycles.startedAt, restoredAt)));
          return rows.length === botIds.length;
        },
        CYCLE_LEASE_MS + 15_000,
      );
      // Signals resume too: ones queued after the outage get decided. They wait their turn behind
      // the ~100 the feeder queued during the outage (oldest first; a buy asks the venue for its
      // ticker and balance through ccxt's rate limit): about 20 s of backlog on an idle machine,
      // so the window allows three times that.
      const after = new Date();
      await waitFor(
        'signals queued after the outage to be decided',
        async () => {
          const rows = await t.db
            .select()
            .from(signals)
            .where(and(eq(signals.exchangeAccountId, account.id), gt(signals.createdAt, after)));
          return rows.filter((s) => s.status !== 'queued' && s.status !== 'executing').length >= 4;
        },
        60_000,
      );
      feeding = false;
      await feeder;
      const exit = await worker.stop('SIGTERM');
      expect(exit.code, exit.stderr).toBe(0);

      // No request reached the venue without its intent committed first: every order and OCO the
      // fake received carries a client id the database holds.
      const placed = fake
        .requestsTo('POST', '/api/v3/order')
        .map((r) => r.params.newClientOrderId!);
      const ocos = fake
        .requestsTo('POST', '/api/v3/orderList/oco')
        .map((r) => r.params.listClientOrderId!);
      expect(placed.length).toBeGreaterThanOrEqual(2);
      const known = await t.db
        .select({ id: orders.clientOrderId })
        .from(orders)
        .where(eq(orders.exchangeAccountId, account.id));
      const knownIds = new Set(known.map((o) => o.id));
      expect(placed.filter((id) => !knownIds.has(id))).toEqual([]);
      const protectedIds = new Set(
        (
          await t.db
            .select({ id: positions.ocoClientId })
            .from(positions)
            .where(eq(positions.exchangeAccountId, account.id))
        ).map((p) => p.id),
      );
      expect(ocos.filter((id) => !protectedIds.has(id))).toEqual([]);
      // During the outage itself the worker sent nothing it could not have recorded.
      const duringOutage = fake.requests.filter(
        (r) =>
          r.method === 'POST' && r.time > cutAt.getTime() + 1_000 && r.time < restoredAt.getTime(),
      );
      expect(duringOutage).toEqual([]);
    } finally {
      feeding = false;
      await feeder;
      await worker.stop('SIGKILL');
      await proxy.close();
      await fake.close();
    }
  }, 240_000);
});
