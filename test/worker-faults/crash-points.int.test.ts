import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyRingFromHex } from '../../lib/crypto/secret-box';
import { settleStaleSignals } from '../../lib/db/queries/signals';
import { orders, positions, signals } from '../../lib/db/schema';
import type { CrashPointName } from '../../lib/trading/crash-point';
import type { TradingDeps } from '../../lib/trading/deps';
import { createExchangeRegistry } from '../../lib/trading/exchange-registry';
import { monitorExits } from '../../lib/trading/monitor-exits';
import { INTENT_GRACE_MS, reconcileAccount } from '../../lib/trading/reconcile';
import { monitorAllAccounts } from '../../worker/jobs/exit-monitor';
import { createTestDatabase } from '../db/test-database';
import { startFakeBinance, type FakeBinance } from '../fake-binance';
import { queueManualSignal } from '../trading/trading-fixture';
import { createBinanceAccount } from './binance-account';
import { startChildWorker } from './child-worker';
import { ledgerView } from './ledger-checks';

// A database per test: the restarted worker's monitor pass visits every account in it.
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeBinance | undefined;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await t.drop();
});

/**
 * A fake Binance at 30 000, an account on it, one queued manual buy with TP/SL, and `runChild`,
 * which executes that signal in a child worker that kills itself (SIGKILL) at `crashAt`.
 */
async function setup() {
  const venue = await startFakeBinance({
    balances: { USDT: '10000' },
    prices: { BTCUSDT: '30000' },
  });
  fake = venue;
  const { account, keyHex } = await createBinanceAccount(t.db, venue);
  const { signal } = await queueManualSignal(t.db, account, {
    quoteAmount: '600',
    takeProfit: '31000',
    stopLoss: '29500',
  });
  const runChild = (crashAt: string) =>
    startChildWorker(['signal', signal.id], {
      DATABASE_URL: t.url,
      ENCRYPTION_KEY: keyHex,
      FAKE_BINANCE_URL: venue.url,
      OSPREY_CRASH_AT: crashAt,
    }).exited;
  return { fake: venue, account, keyHex, signal, runChild };
}

/** The restarted worker: a fresh registry; its clock is past the intent grace period. */
function freshDeps(fake: FakeBinance, keyHex: string): TradingDeps {
  const registry = createExchangeRegistry({
    db: t.db,
    keyRing: keyRingFromHex(keyHex),
    marketDataMode: 'simulated',
    urlsOverride: fake.url,
  });
  return {
    db: t.db,
    exchangeFor: (a) => registry.exchangeFor(a),
    now: () => new Date(Date.now() + INTENT_GRACE_MS + 1_000),
    notify: () => Promise.resolve(),
  };
}

async function dbState(accountId: string) {
  const rows = await t.db.select().from(orders).where(eq(orders.exchangeAccountId, accountId));
  const open = (
    await t.db.select().from(positions).where(eq(positions.exchangeAccountId, accountId))
  ).filter((p) => p.status !== 'closed');
  return { orders: rows, entries: rows.filter((o) => o.role === 'entry'), open };
}

/** What the database must look like at the moment of each crash (proves the kill hit that step). */
const atCrash: Record<
  CrashPointName,
  { ledgerEntries: number; ledgerOcos: number; entryStatus: string; positions: number }
> = {
  'after-intent': { ledgerEntries: 0, ledgerOcos: 0, entryStatus: 'intent', positions: 0 },
  'after-request': { ledgerEntries: 1, ledgerOcos: 0, entryStatus: 'intent', positions: 0 },
  'after-response': { ledgerEntries: 1, ledgerOcos: 0, entryStatus: 'filled', positions: 0 },
  'after-position': { ledgerEntries: 1, ledgerOcos: 0, entryStatus: 'filled', positions: 1 },
  'after-oco': { ledgerEntries: 1, ledgerOcos: 1, entryStatus: 'filled', positions: 1 },
};

describe('kill -9 of the worker at each step of the order path, then restart', () => {
  for (const [step, expected] of Object.entries(atCrash) as [
    CrashPointName,
    (typeof atCrash)[CrashPointName],
  ][]) {
    it(`${step}: one entry, one live OCO per position, nothing unprotected, DB agrees with the venue`, async () => {
      const { fake, account, keyHex, runChild } = await setup();
      const exit = await runChild(step);
      expect(exit.signal, exit.stderr).toBe('SIGKILL');

      const crashed = await dbState(account.id);
      expect(ledgerView(fake).entries).toHaveLength(expected.ledgerEntries);
      expect(ledgerView(fake).liveOcos).toHaveLength(expected.ledgerOcos);
      expect(crashed.entries.map((o) => o.status)).toEqual([expected.entryStatus]);
      expect(crashed.open).toHaveLength(expected.positions);

      // Restart: one pass of the worker's exit-monitor job (reconciliation, then exits).
      const deps = freshDeps(fake, keyHex);
      const exchange = await deps.exchangeFor(account);
      await monitorAllAccounts(deps, 'restarted-worker', 60_000);

      const venue = ledgerView(fake);
      const after = await dbState(account.id);
      // Never more than one entry; the intent that never left is settled as rejected.
      expect(venue.entries).toHaveLength(expected.ledgerEntries);
      expect(after.entries).toHaveLength(1);
      expect(after.entries[0]!.status).toBe(expected.ledgerEntries === 0 ? 'rejected' : 'filled');
      // Every entry/exit order on the venue is known to the database by its client order id
      // (OCO leg records after an `after-oco` crash: see the known-bug test below).
      const known = new Set(after.orders.map((o) => o.clientOrderId));
      expect(
        fake.orders().filter((o) => o.orderListId === -1 && !known.has(o.clientOrderId)),
      ).toEqual([]);
      if (step !== 'after-oco')
        expect(venue.clientOrderIds.filter((id) => !known.has(id))).toEqual([]);

      if (expected.ledgerEntries === 0) {
        expect(after.open).toHaveLength(0);
        expect(venue.liveOcos).toHaveLength(0);
        expect(venue.baseHeld).toBe('0.00000000');
        return;
      }
      // One position, protected by exactly one live OCO that locks everything held.
      expect(after.open).toHaveLength(1);
      const position = after.open[0]!;
      expect(position).toMatchObject({ status: 'open', protection: 'native_oco' });
      expect(venue.liveOcos).toHaveLength(1);
      expect(venue.liveOcos[0]!.listClientOrderId).toBe(position.ocoClientId);
      expect(position.ocoExchangeId).toBe(String(venue.liveOcos[0]!.orderListId));
      expect(venue.baseLocked).toBe(venue.baseHeld);
      expect(Number(position.quantity).toFixed(8)).toBe(venue.baseHeld);
      expect(after.entries[0]!.positionId).toBe(position.id);
      expect(after.entries[0]!.exchangeOrderId).toBe(String(venue.entries[0]!.orderId));
      // A second pass changes nothing on the venue.
      const report = await monitorExits(deps, account, exchange);
      expect(report.errors).toEqual([]);
      await monitorAllAccounts(deps, 'restarted-worker', 60_000);
      expect(fake.orders()).toHaveLength(venue.clientOrderIds.length);
    }, 60_000);
  }

  it('after-oco: the restarted worker records the OCO legs it finds on the venue', async () => {
    const { fake, account, keyHex, runChild } = await setup();
    const exit = await runChild('after-oco');
    expect(exit.signal).toBe('SIGKILL');
    const deps = freshDeps(fake, keyHex);
    await reconcileAccount(deps, account, await deps.exchangeFor(account));
    const state = await dbState(account.id);
    expect(state.orders.map((o) => `${o.role}:${o.status}`).sort()).toEqual([
      'entry:filled',
      'stop_loss:open',
      'take_profit:open',
    ]);
  }, 60_000);

  it('a kill right after the position is written leaves it linked to its entry, and one position', async () => {
    const { fake, account, keyHex, runChild } = await setup();
    const exit = await runChild('after-position');
    expect(exit.signal).toBe('SIGKILL');
    // The position and its entry's link are written in one transaction.
    const { entries } = await dbState(account.id);
    expect(entries.map((o) => o.positionId === null)).toEqual([false]);
    const deps = freshDeps(fake, keyHex);
    const exchange = await deps.exchangeFor(account);
    await reconcileAccount(deps, account, exchange);
    await monitorExits(deps, account, exchange);
    expect((await dbState(account.id)).open).toHaveLength(1);
    expect(ledgerView(fake).liveOcos).toHaveLength(1);
  }, 60_000);

  it('after a kill the restarted worker gives the signal its decision', async () => {
    const { fake, account, keyHex, signal, runChild } = await setup();
    const exit = await runChild('after-request');
    expect(exit.signal).toBe('SIGKILL');
    const deps = freshDeps(fake, keyHex);
    const exchange = await deps.exchangeFor(account);
    await reconcileAccount(deps, account, exchange);
    await monitorExits(deps, account, exchange);
    // Once the stale window has passed (0 here), the abandoned signal gets its decision from
    // what its order did on the venue.
    await settleStaleSignals(t.db, 0);
    const [stored] = await t.db.select().from(signals).where(eq(signals.id, signal.id));
    expect(stored!.status).toBe('executed');
  }, 60_000);

  it('without a crash point the same child executes the signal end to end (control)', async () => {
    const { fake, account, runChild } = await setup();
    const exit = await runChild(randomBytes(4).toString('hex'));
    expect(exit.code, exit.stderr).toBe(0);
    const state = await dbState(account.id);
    expect(state.open).toHaveLength(1);
    expect(state.orders.map((o) => `${o.role}:${o.status}`).sort()).toEqual([
      'entry:filled',
      'stop_loss:open',
      'take_profit:open',
    ]);
    expect(ledgerView(fake).liveOcos).toHaveLength(1);
  }, 60_000);
});
