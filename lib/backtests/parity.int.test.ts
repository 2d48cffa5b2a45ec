import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture, MINUTE } from '../../test/trading/trading-fixture';
import { mulberry32, runBacktest, type BacktestTrade } from '../core/backtest';
import { type CandleColumns } from '../core/types';
import { findBotById } from '../db/queries/bots';
import { positions } from '../db/schema';
import { botInputSchema } from '../trading/bot-input';
import { commandBot, createBot } from '../trading/bots';
import { isPaperExchange } from '../trading/exchange-registry';
import { monitorExits } from '../trading/monitor-exits';
import { runBotCycle } from '../trading/run-bot-cycle';

/**
 * Parity (STYLE rule 2): the same strategy on the same candles through the backtester and
 * through the live path — `runBotCycle` → signal → risk → paper exchange market order, the
 * paper OCO matched by `matchOpenOrders`, `monitorExits` — with a clock stepped bar by bar.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const BARS = 120;
const START = Date.UTC(2024, 0, 1, 12);

/** A seeded 1m price path: per bar an open (a small gap from the last close), a high and a low inside, a close. */
function script(seed: number) {
  const rnd = mulberry32(seed);
  const bars: { open: number; high: number; low: number; close: number }[] = [];
  let last = 30_000;
  let drift = 0;
  for (let i = 0; i < BARS; i++) {
    if (i % 8 === 0) drift = (rnd() - 0.5) * 0.012;
    const round = (v: number) => Math.round(v * 100) / 100;
    const open = round(last * (1 + (rnd() - 0.5) * 0.002));
    const close = round(open * (1 + drift + (rnd() - 0.5) * 0.006));
    const high = round(Math.max(open, close) * (1 + rnd() * 0.006));
    const low = round(Math.min(open, close) * (1 - rnd() * 0.006));
    bars.push({ open, high, low, close });
    last = close;
  }
  return bars;
}

describe('backtest ↔ live parity on the paper exchange', () => {
  it('gives the same entries, exits and exit reasons for sma-cross with a stop and a target', async () => {
    const bars = script(20261121);
    const f = await createTradingFixture(t.db, { price: bars[0]!.open });
    // the price path behind the candles: open at the bar start, high and low inside, close at its end
    bars.forEach((b, i) => {
      const t0 = START + i * MINUTE;
      f.feed.setPrice('BTC/USDT', b.open, t0);
      f.feed.setPrice('BTC/USDT', b.high, t0 + 10_000);
      f.feed.setPrice('BTC/USDT', b.low, t0 + 20_000);
      f.feed.setPrice('BTC/USDT', b.close, t0 + 50_000);
    });
    f.feed.setPrice('BTC/USDT', bars[BARS - 1]!.close, START + BARS * MINUTE);

    const params = { fastPeriod: 3, slowPeriod: 8, stopLossAtr: 0, takeProfitAtr: 0 };
    f.at(START);
    const created = await createBot(
      f.deps,
      f.user.id,
      botInputSchema.parse({
        name: 'Parity',
        symbol: 'BTC/USDT',
        timeframe: '1m',
        strategyId: 'sma-cross',
        strategyParams: params,
        tradeAmount: '1000',
        stopLossPct: 1,
        takeProfitPct: 1.5,
        // the cooldown reads orders.created_at, stamped by the database clock, not the test clock
        riskOverrides: { duplicateCooldown: { enabled: false } },
      }),
    );
    await commandBot(f.deps, f.user.id, created.id, 'start');
    const exchange = await f.deps.exchangeFor(f.account);
    if (!isPaperExchange(exchange)) throw new Error('expected the paper exchange');

    // live: at each bar open, first the exits of the bar that just closed, then the decision on it
    const rejections: string[] = [];
    for (let i = 1; i <= BARS; i++) {
      f.at(START + i * MINUTE);
      await exchange.matchOpenOrders(f.now());
      await monitorExits(f.deps, f.account, exchange);
      if (i === BARS) break; // a decision on the last bar has no next open to fill at
      const bot = (await findBotById(t.db, created.id))!;
      const result = await runBotCycle(f.deps, { ...bot, lastAnalysisAt: null });
      if (result.message.includes('rejected')) rejections.push(result.message);
    }
    expect(rejections).toEqual([]);
    const live = await t.db
      .select()
      .from(positions)
      .where(eq(positions.botId, created.id))
      .orderBy(asc(positions.openedAt));

    // backtest: the same candles, options matching the live setup
    const candles = await f.feed.candles(
      { symbol: 'BTC/USDT', timeframe: '1m', since: START, until: START + BARS * MINUTE },
      START + BARS * MINUTE,
    );
    expect(candles).toHaveLength(BARS);
    const columns: CandleColumns = {
      time: Float64Array.from(candles, (c) => c.time),
      open: Float64Array.from(candles, (c) => c.open),
      high: Float64Array.from(candles, (c) => c.high),
      low: Float64Array.from(candles, (c) => c.low),
      close: Float64Array.from(candles, (c) => c.close),
      volume: Float64Array.from(candles, (c) => c.volume),
    };
    const result = runBacktest({
      candles: columns,
      timeframe: '1m',
      symbol: 'BTC/USDT',
      strategy: { id: 'sma-cross', params },
      options: {
        startingBalance: 10_000,
        fillTiming: 'next-open',
        sizing: { kind: 'fixed', amount: 1000 },
        feeRate: 0.001,
        slippageBps: 0,
        defaultStopLossPct: 1,
        defaultTakeProfitPct: 1.5,
      },
    });
    // the backtest closes what is still open at the last close; live keeps it open
    const trades: BacktestTrade[] = result.trades.filter((tr) => tr.exitReason !== 'end_of_data');
    const closedLive = live.filter((p) => p.status === 'closed');

    // the script is chosen so that every kind of exit happens once
    expect(trades.map((tr) => tr.exitReason)).toEqual(['take_profit', 'signal', 'stop_loss']);
    expect(closedLive.map((p) => p.exitReason)).toEqual(trades.map((tr) => tr.exitReason));
    closedLive.forEach((p, k) => {
      const tr = trades[k]!;
      // entries: market buys at the next bar's open, on the same bar
      expect(Number(p.entryPrice)).toBe(tr.entryPrice);
      expect(p.openedAt.getTime()).toBe(tr.entryTime);
      // exits: the stop and target are rounded to the tick (0.01) live, not in the backtest
      expect(Math.abs(Number(p.exitPrice) - tr.exitPrice)).toBeLessThanOrEqual(0.01);
      // quantity: rounded down to the lot step (0.00001) live
      expect(tr.quantity - Number(p.quantity)).toBeGreaterThanOrEqual(0);
      expect(tr.quantity - Number(p.quantity)).toBeLessThan(0.00001);
      // fees at the same rate on the fill value; P&L per unit equal up to the tick rounding
      expect(Number(p.entryFee) / Number(p.quantity)).toBeCloseTo(tr.entryFee / tr.quantity, 6);
      expect(
        Math.abs(Number(p.realizedPnl) / Number(p.quantity) - tr.pnl / tr.quantity),
      ).toBeLessThanOrEqual(0.02);
      // exit time: a signal exit fills at the next open in both; an OCO leg filled inside a bar is
      // stamped with that bar's open by the backtest and, live, when the match pass at the bar's
      // end finds it (one bar later)
      const lag = tr.exitReason === 'signal' ? 0 : MINUTE;
      expect(p.closedAt!.getTime()).toBe(tr.exitTime + lag);
    });
    const stillOpen = live.filter((p) => p.status === 'open');
    expect(stillOpen.length).toBe(result.trades.length - trades.length);
  });
});
