import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, paperOrders, positions, signals } from '../../lib/db/schema';
import { drainSignals } from '../../worker/jobs/signals';
import { createTestDatabase } from '../db/test-database';
import { createWebhookFixture, validAlert } from './webhook-fixture';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const sameFields = (s: typeof signals.$inferSelect) => ({
  exchangeAccountId: s.exchangeAccountId,
  botId: s.botId,
  source: s.source,
  symbol: s.symbol,
  action: s.action,
  orderType: s.orderType,
  quantity: s.quantity,
  quoteAmount: s.quoteAmount,
  price: s.price,
  stopLoss: s.stopLoss,
  takeProfit: s.takeProfit,
  confidence: s.confidence,
  strategy: s.strategy,
  timeframe: s.timeframe,
  status: s.status,
});

describe('webhook intake: accepted alerts', () => {
  it('turns an alert in TradingView format into a protected paper position', async () => {
    const f = await createWebhookFixture(t.db);
    const reply = await f.post(
      JSON.stringify(
        validAlert(f.now(), {
          alert_id: 'e2e-1',
          stop_loss: '2%',
          take_profit: '3%',
          confidence: 80,
        }),
      ),
    );
    expect(reply).toEqual({
      status: 202,
      body: { signalId: expect.any(String), status: 'queued' },
    });
    expect(await drainSignals(f.deps, { batch: 10, concurrency: 1 })).toBe(1);
    const [signal] = await t.db
      .select()
      .from(signals)
      .where(eq(signals.id, reply.body.signalId as string));
    expect(signal).toMatchObject({
      status: 'executed',
      source: 'tradingview',
      symbol: 'BTC/USDT',
      stopLoss: '29400.000000000000000000',
      takeProfit: '30900.000000000000000000',
    });
    expect(signal!.payload).not.toHaveProperty('secret');
    const [position] = await t.db
      .select()
      .from(positions)
      .where(eq(positions.signalId, signal!.id));
    expect(position).toMatchObject({
      status: 'open',
      protection: 'native_oco',
      quantity: '0.010000000000000000',
    });
  });

  it('stores the same alert sent as JSON and as text/plain as identical signals', async () => {
    const f = await createWebhookFixture(t.db);
    const asJson = await f.post(
      JSON.stringify({
        ticker: 'BINANCE:BTCUSDT',
        action: 'long',
        contracts: 0.01,
        price: 30000,
        stop_loss: 29000,
        strategy: 'EMA cross',
        timeframe: '60',
        confidence: 75,
        alert_id: 'j-1',
      }),
    );
    const asText = await f.post(
      'ticker=BINANCE:BTCUSDT\naction=long\ncontracts=0.01\nprice=30000\nstop_loss=29000\nstrategy="EMA cross"\ntimeframe=60\nconfidence=75\nalert_id=t-1',
      { contentType: 'text/plain' },
    );
    const asJsonText = await f.post(
      JSON.stringify({
        ticker: 'BINANCE:BTCUSDT',
        action: 'long',
        contracts: '0.01',
        price: '30000',
        stop_loss: '29000',
        strategy: 'EMA cross',
        timeframe: 60,
        confidence: '75',
        alert_id: 'jt-1',
      }),
      { contentType: 'text/plain' },
    );
    expect([asJson.status, asText.status, asJsonText.status]).toEqual([202, 202, 202]);
    const stored = await Promise.all(
      [asJson, asText, asJsonText].map(
        async (r) =>
          (
            await t.db
              .select()
              .from(signals)
              .where(eq(signals.id, r.body.signalId as string))
          )[0]!,
      ),
    );
    expect(sameFields(stored[1]!)).toEqual(sameFields(stored[0]!));
    expect(sameFields(stored[2]!)).toEqual(sameFields(stored[0]!));
    expect(stored[0]).toMatchObject({
      action: 'buy',
      quantity: '0.010000000000000000',
      confidence: 75,
    });
  });

  it('stores ten concurrent copies of an alert once and places exactly one order', async () => {
    const f = await createWebhookFixture(t.db);
    const body = JSON.stringify(validAlert(f.now(), { alert_id: 'dup-1' }));
    const replies = await Promise.all(Array.from({ length: 10 }, () => f.post(body)));
    const ids = new Set(replies.map((r) => r.body.signalId));
    expect(ids.size).toBe(1);
    expect(replies.filter((r) => r.status === 202)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 200 && r.body.status === 'duplicate')).toHaveLength(
      9,
    );
    await Promise.all([
      drainSignals(f.deps, { batch: 10, concurrency: 4 }),
      drainSignals(f.deps, { batch: 10, concurrency: 4 }),
    ]);
    expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toHaveLength(1);
    const entries = await t.db
      .select()
      .from(paperOrders)
      .where(and(eq(paperOrders.accountId, f.account.id), eq(paperOrders.side, 'buy')));
    expect(entries).toHaveLength(1);
    expect(
      await t.db
        .select()
        .from(orders)
        .where(and(eq(orders.userId, f.user.id), eq(orders.role, 'entry'))),
    ).toHaveLength(1);
  });

  it('treats an identical body without alert_id as a duplicate within the window', async () => {
    const f = await createWebhookFixture(t.db);
    const body = JSON.stringify(validAlert(f.now()));
    const first = await f.post(body);
    const second = await f.post(body);
    expect(first.status).toBe(202);
    expect(second).toEqual({
      status: 200,
      body: { status: 'duplicate', signalId: first.body.signalId },
    });
    f.at(f.now() + 61_000, 30000);
    expect((await f.post(body)).status).toBe(202);
  });

  it('acknowledges 200 alerts fast while the exchange is slow, and executes them all afterwards', async () => {
    const f = await createWebhookFixture(t.db, { rateBurst: 1000 });
    // The venue takes 10 s per price request; intake must never wait for it.
    const ticker = f.feed.ticker.bind(f.feed);
    let tickerCalls = 0;
    f.feed.ticker = async (symbol, now) => {
      tickerCalls += 1;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      return ticker(symbol, now);
    };
    const acks: number[] = [];
    const replies = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 5));
        const started = performance.now();
        const reply = await f.post(
          JSON.stringify(validAlert(f.now(), { alert_id: `slow-${i}`, contracts: '0.001' })),
        );
        acks.push(performance.now() - started);
        return reply;
      }),
    );
    expect(replies.every((r) => r.status === 202)).toBe(true);
    // Structural, not a timing goal (the latency figures are in the benchmark): no reply waited
    // for the venue — none asked it for a price, and each came back well before one price could.
    expect(tickerCalls).toBe(0);
    expect(Math.max(...acks)).toBeLessThan(10_000);
    await drainSignals(f.deps, { batch: 500, concurrency: 200 });
    const decided = await t.db.select().from(signals).where(eq(signals.userId, f.user.id));
    expect(decided).toHaveLength(200);
    expect(
      decided.filter(
        (s) => s.status === 'queued' || s.status === 'executing' || s.status === 'failed',
      ),
    ).toEqual([]);
    // All 200 met the risk engine at once when the prices came back; one at a time, they let
    // one buy through (one order per symbol, a minute between buys) and rejected the rest.
    const executed = decided.filter((s) => s.status === 'executed');
    expect(executed).toHaveLength(1);
    const entries = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.userId, f.user.id), eq(orders.role, 'entry')));
    expect(entries).toHaveLength(executed.length);
  }, 90_000);
});
