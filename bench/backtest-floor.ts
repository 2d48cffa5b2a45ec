/**
 * The floor for `bench/backtest.bench.ts`: the same backtests as the engine written as bare
 * typed-array loops. Indicators come from the core's batch kernels (the same arithmetic as the
 * strategies' streaming indicators, bit for bit), then one inline loop applies the strategy's
 * entry/exit rules, next-open market fills with fee and slippage, the stop/target OCO (stop
 * first) and the equity curve. No strategy objects, no decision objects, no trade objects
 * beyond a count and the running P&L: what a hand-written special-purpose backtest costs.
 */
import { atrBatch, bollingerBatch, macdBatch, rsiBatch, smaBatch } from '../lib/core/indicators';
import { type CandleColumns } from '../lib/core/types';

export interface FloorCosts {
  feeRate: number;
  slippageBps: number;
  startingBalance: number;
}

export interface FloorResult {
  trades: number;
  finalEquity: number;
  /** Sum of trade P&L, for the self-check against the engine. */
  pnl: number;
}

/** The volatile strategy with its defaults (RSI 14 35/65, BB 20×2, MACD 12/26/9, 2 of 3, ATR 14 2/3). */
export function volatileFloor(c: CandleColumns, costs: FloorCosts): FloorResult {
  const { open, high, low, close } = c;
  const n = close.length;
  const rsi = rsiBatch(close, 14);
  const bands = bollingerBatch(close, 20, 2);
  const upper = bands.upper;
  const lower = bands.lower;
  const hist = macdBatch(close, 12, 26, 9).histogram;
  const atr = atrBatch(high, low, close, 14);
  const warmup = 35;
  const fee = costs.feeRate;
  const buyF = 1 + costs.slippageBps / 10_000;
  const sellF = 1 - costs.slippageBps / 10_000;
  const equity = new Float64Array(n + 1);
  equity[0] = costs.startingBalance;
  let cash = costs.startingBalance;
  let qty = 0;
  let cost = 0;
  let stop = NaN;
  let target = NaN;
  let pendingBuy = false;
  let pendingStop = NaN;
  let pendingTarget = NaN;
  let pendingSell = false;
  let trades = 0;
  let pnl = 0;
  const sell = (price: number, rate: number) => {
    const value = price * qty;
    const f = value * rate;
    cash += value - f;
    pnl += value - f - cost;
    trades++;
    qty = 0;
  };
  for (let i = 0; i < n; i++) {
    const o = open[i]!;
    if (pendingSell) {
      sell(o * sellF, fee);
      pendingSell = false;
    }
    if (pendingBuy) {
      pendingBuy = false;
      const price = o * buyF;
      if (!(pendingStop === pendingStop) || price > pendingStop) {
        let q = cash / (price * (1 + fee));
        q = Math.min(q, cash / (price * (1 + fee)));
        if (q * price > 1e-9 * cash) {
          const f = price * q * fee;
          cash -= price * q + f;
          qty = q;
          cost = price * q + f;
          stop = pendingStop;
          target = pendingTarget;
        }
      }
    }
    if (qty > 0) {
      if (o <= stop) sell(o * sellF, fee);
      else if (o >= target) sell(o, fee);
      else if (low[i]! <= stop) sell(stop * sellF, fee);
      else if (high[i]! >= target) sell(target, fee);
    }
    const cl = close[i]!;
    if (i + 1 >= warmup) {
      const r = rsi[i]!;
      const h = hist[i]!;
      const hPrev = hist[i - 1]!;
      if (qty > 0) {
        const bearish = (cl >= upper[i]! ? 1 : 0) + (r > 65 ? 1 : 0) + (h < hPrev ? 1 : 0);
        if (bearish >= 2 && i < n - 1) pendingSell = true;
      } else {
        const bullish = (cl <= lower[i]! ? 1 : 0) + (r < 35 ? 1 : 0) + (h > hPrev ? 1 : 0);
        if (bullish >= 2 && i < n - 1) {
          pendingBuy = true;
          const a = atr[i]!;
          const s = cl - 2 * a;
          pendingStop = s > 0 ? s : NaN;
          pendingTarget = cl + 3 * a;
        }
      }
    }
    if (i === n - 1 && qty > 0) sell(cl * sellF, fee);
    equity[i + 1] = cash + qty * cl;
  }
  return { trades, finalEquity: equity[n]!, pnl };
}

/** A plain SMA crossover (no stops), all in, next-open fills. */
export function smaCrossFloor(
  c: CandleColumns,
  fastPeriod: number,
  slowPeriod: number,
  costs: FloorCosts,
): FloorResult {
  const { open, close } = c;
  const n = close.length;
  const fast = smaBatch(close, fastPeriod);
  const slow = smaBatch(close, slowPeriod);
  const fee = costs.feeRate;
  const buyF = 1 + costs.slippageBps / 10_000;
  const sellF = 1 - costs.slippageBps / 10_000;
  const equity = new Float64Array(n + 1);
  equity[0] = costs.startingBalance;
  let cash = costs.startingBalance;
  let qty = 0;
  let cost = 0;
  let pending = 0;
  let trades = 0;
  let pnl = 0;
  const sell = (price: number) => {
    const value = price * qty;
    const f = value * fee;
    cash += value - f;
    pnl += value - f - cost;
    trades++;
    qty = 0;
  };
  for (let i = 0; i < n; i++) {
    const o = open[i]!;
    if (pending < 0) sell(o * sellF);
    else if (pending > 0) {
      const price = o * buyF;
      const q = cash / (price * (1 + fee));
      const f = price * q * fee;
      cash -= price * q + f;
      qty = q;
      cost = price * q + f;
    }
    pending = 0;
    const cl = close[i]!;
    if (i < n - 1) {
      const f0 = fast[i - 1]!;
      const s0 = slow[i - 1]!;
      const f1 = fast[i]!;
      const s1 = slow[i]!;
      if (qty > 0) {
        if (f0 >= s0 && f1 < s1) pending = -1;
      } else if (f0 <= s0 && f1 > s1) pending = 1;
    }
    if (i === n - 1 && qty > 0) sell(cl * sellF);
    equity[i + 1] = cash + qty * cl;
  }
  return { trades, finalEquity: equity[n]!, pnl };
}
