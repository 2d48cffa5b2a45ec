import { computeMetrics, type PerformanceMetrics } from '../metrics';
import { type CandleColumns, type ClosedTrade } from '../types';
import { equityTimes } from './equity-times';
import { floatFillModel } from './float-fills';
import { type BacktestOptions } from './options';

/**
 * Metrics of buying at the open of bar `start` with the whole starting balance (entry fee
 * included, slipped) and selling at the last close (slipped, fee), over the same bars and
 * with the same equity marking as the strategy run (`times`: its equity curve's times). Its
 * equity curve is built in `scratch` when given (length `times.length`; overwritten, so a caller
 * can reuse the memory afterwards), else in a new array.
 */
export function buyAndHoldMetrics(
  candles: CandleColumns,
  start: number,
  options: BacktestOptions,
  timeframeMs: number,
  times: Float64Array = equityTimes(candles.time, start, timeframeMs),
  scratch?: Float64Array,
): PerformanceMetrics {
  const { time, open, close } = candles;
  const n = time.length;
  const fills = floatFillModel(options);
  const balance = options.startingBalance;
  const entryPrice = open[start]! * fills.buyFactor;
  const quantity = balance / (entryPrice * (1 + fills.takerFee));
  const entryFee = entryPrice * quantity * fills.takerFee;
  const cash = balance - entryPrice * quantity - entryFee;
  const equity = scratch?.length === n - start + 1 ? scratch : new Float64Array(n - start + 1);
  equity[0] = balance;
  for (let i = start; i < n; i++) equity[i - start + 1] = cash + quantity * close[i]!;
  const exitPrice = close[n - 1]! * fills.sellFactor;
  const exitFee = exitPrice * quantity * fills.takerFee;
  const proceeds = exitPrice * quantity - exitFee;
  equity[n - start] = cash + proceeds;
  const cost = entryPrice * quantity + entryFee;
  const trade: ClosedTrade = {
    side: 'buy',
    entryTime: time[start]!,
    exitTime: time[n - 1]! + timeframeMs,
    entryPrice,
    exitPrice,
    quantity,
    fees: entryFee + exitFee,
    pnl: proceeds - cost,
    pnlPct: ((proceeds - cost) / cost) * 100,
    exitReason: 'end_of_data',
  };
  return computeMetrics({
    trades: [trade],
    equity: { time: times, equity },
    timeframe: timeframeMs,
    exposurePct: 100, // in a position on every point
    buyAndHold: { startPrice: open[start]!, endPrice: close[n - 1]! },
  });
}
