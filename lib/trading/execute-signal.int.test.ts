import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture, MINUTE, T0 } from '../../test/trading/trading-fixture';
import { Decimal } from '../core/money';
import { orders, paperBalances, paperOrders, positions, signals } from '../db/schema';
import { notifyArgsOf } from '../realtime/emitter';
import type { TradingEvent } from './deps';
import { isPaperExchange } from './exchange-registry';
import { executeSignal } from './execute-signal';
import { monitorExits } from './monitor-exits';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function usdt(accountId: string) {
  const rows = await t.db
    .select()
    .from(paperBalances)
    .where(eq(paperBalances.accountId, accountId));
  const row = rows.find((r) => r.asset === 'USDT')!;
  return Decimal.from(row.free).add(row.locked);
}

describe('executeSignal on the paper exchange', () => {
  it('buys, protects with an OCO, and books the take-profit exit exactly', async () => {
    const f = await createTradingFixture(t.db, { price: 30000 });
    const { signal } = await f.signal({
      quoteAmount: '600',
      takeProfit: '31000',
      stopLoss: '29500',
    });
    const outcome = await executeSignal(f.deps, signal.id);
    expect(outcome).toMatchObject({ status: 'executed' });

    const [stored] = await t.db.select().from(signals).where(eq(signals.id, signal.id));
    expect(stored!.status).toBe('executed');
    expect(Array.isArray(stored!.riskResults)).toBe(true);

    const [position] = await t.db.select().from(positions).where(eq(positions.signalId, signal.id));
    expect(position).toMatchObject({
      status: 'open',
      protection: 'native_oco',
      takeProfit: '31000.000000000000000000',
      stopLoss: '29500.000000000000000000',
    });
    const legs = await t.db.select().from(orders).where(eq(orders.positionId, position!.id));
    expect(legs.map((o) => `${o.role}:${o.status}`).sort()).toEqual([
      'entry:filled',
      'stop_loss:open',
      'take_profit:open',
    ]);
    expect(await executeSignal(f.deps, signal.id)).toEqual({ status: 'not_queued' });

    f.at(T0 + 3 * MINUTE, 31200);
    const exchange = await f.deps.exchangeFor(f.account);
    if (isPaperExchange(exchange)) await exchange.matchOpenOrders(f.now());
    const report = await monitorExits(f.deps, f.account, exchange);
    expect(report.closed).toEqual([{ positionId: position!.id, reason: 'take_profit' }]);

    const [closed] = await t.db.select().from(positions).where(eq(positions.id, position!.id));
    expect(closed).toMatchObject({ status: 'closed', exitReason: 'take_profit' });
    // Money is exact: the quote balance changed by exactly the realised P&L.
    expect((await usdt(f.account.id)).toString()).toBe(
      Decimal.from('10000').add(closed!.realizedPnl!).toString(),
    );
    expect(Number(closed!.realizedPnl)).toBeGreaterThan(0);
    expect(f.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'signal:decided',
        'order:updated',
        'position:opened',
        'position:closed',
      ]),
    );
  });

  it('rejects by risk rule with every result stored, and sends no order', async () => {
    const f = await createTradingFixture(t.db);
    const { signal } = await f.signal({ source: 'ai', quoteAmount: '100', confidence: 20 });
    const outcome = await executeSignal(f.deps, signal.id);
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('Confidence 20'),
    });
    const [stored] = await t.db.select().from(signals).where(eq(signals.id, signal.id));
    const results = stored!.riskResults as { rule: string; status: string }[];
    expect(results.length).toBeGreaterThan(10);
    expect(results.find((r) => r.rule === 'min-confidence')?.status).toBe('failed');
    expect(await t.db.select().from(orders).where(eq(orders.signalId, signal.id))).toHaveLength(0);
  });

  it('passes two buys of one user arriving together through the risk engine one after the other', async () => {
    const f = await createTradingFixture(t.db, { price: 30000 });
    // The price request both make first answers both at the same moment, so each reaches the
    // risk engine while the other is there too.
    const ticker = f.feed.ticker.bind(f.feed);
    let release!: () => void;
    const together = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    f.feed.ticker = async (symbol, now) => {
      if (++asked === 2) release();
      await together;
      return ticker(symbol, now);
    };
    const twins = await Promise.all([
      f.signal({ quoteAmount: '100' }),
      f.signal({ quoteAmount: '100' }),
    ]);
    // Both executed at once (two lanes, or two workers: the lock is in PostgreSQL).
    const outcomes = await Promise.all(twins.map(({ signal }) => executeSignal(f.deps, signal.id)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['executed', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected');
    // By a rule that sees the first one's order: open orders per symbol while it is pending, or
    // the one-minute gap between orders on a symbol and side once it has filled (timing decides).
    expect(rejected).toMatchObject({
      reason: expect.stringMatching(/already open on BTC\/USDT|BTC\/USDT was placed \d+ s ago/),
    });
    // One order reached the venue: the paper exchange's own ledger, not only our records.
    const venueOrders = await t.db
      .select()
      .from(paperOrders)
      .where(eq(paperOrders.accountId, f.account.id));
    expect(venueOrders).toHaveLength(1);
    const entries = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.exchangeAccountId, f.account.id), eq(orders.role, 'entry')));
    expect(entries).toHaveLength(1);
  });

  it('rejects an unknown symbol, a close without a position, and a size under the minimum', async () => {
    const f = await createTradingFixture(t.db);
    const unknown = await f.signal({ symbol: 'NOPE/USDT', quoteAmount: '100' });
    expect(await executeSignal(f.deps, unknown.signal.id)).toMatchObject({
      status: 'rejected',
      reason: 'Unknown symbol NOPE/USDT on paper.',
    });
    const close = await f.signal({ action: 'close' });
    expect(await executeSignal(f.deps, close.signal.id)).toMatchObject({
      status: 'rejected',
      reason: 'No open BTC/USDT position to close.',
    });
    const tiny = await f.signal({ quantity: '0.00000001' });
    expect(await executeSignal(f.deps, tiny.signal.id)).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/below the market minimum/),
    });
  });

  it('sends the decision NOTIFY in the statement that records it, when the deps can encode it', async () => {
    const f = await createTradingFixture(t.db);
    const { signal } = await f.signal({ source: 'ai', quoteAmount: '100', confidence: 20 });
    const encodeEvent = (event: TradingEvent) =>
      notifyArgsOf(event.type, event.payload as never, { userId: event.userId });
    const channel = encodeEvent({
      type: 'signal:decided',
      userId: f.user.id,
      payload: { signalId: signal.id, botId: null, status: 'rejected', reason: null, at: '' },
    })!.channel;
    const heard: string[] = [];
    const listener = postgres(t.url, { max: 1, onnotice: () => undefined });
    try {
      await listener.listen(channel, (payload) => heard.push(payload));
      const outcome = await executeSignal({ ...f.deps, encodeEvent }, signal.id);
      expect(outcome.status).toBe('rejected');
      await expect.poll(() => heard.length).toBe(1);
      const message = JSON.parse(heard[0]!) as { nsp: string; data: unknown[] };
      expect(JSON.stringify(message.data)).toContain(signal.id);
      expect(JSON.stringify(message.data)).toContain('signal:decided');
      // sent by the decision's statement, not by `notify` afterwards
      expect(f.events.filter((e) => e.type === 'signal:decided')).toEqual([]);
    } finally {
      await listener.end();
    }
  });
});
