/** Deterministic market contexts and decisions for the AI layer's tests. */
import { type Candle, type ClosedTrade } from '../core/types';
import { type AiDecision } from './decision-schema';
import { type AiMarketContext } from './types';

export const T0 = Date.UTC(2025, 0, 6, 0, 0, 0);
const HOUR = 3_600_000;

/** `count` hourly candles around `base`: a slow wave plus a gentle drift, no randomness. */
export function makeCandles(count = 200, base = 60_000): Candle[] {
  const candles: Candle[] = [];
  let prev = base;
  for (let i = 0; i < count; i++) {
    const close = base * (1 + 0.03 * Math.sin(i / 9) + 0.01 * Math.sin(i / 2.3) + i * 0.0002);
    const open = prev;
    const high = Math.max(open, close) * (1 + 0.002 + 0.001 * Math.abs(Math.sin(i)));
    const low = Math.min(open, close) * (1 - 0.002 - 0.001 * Math.abs(Math.cos(i)));
    candles.push({
      time: T0 + i * HOUR,
      open,
      high,
      low,
      close,
      volume: 100 + 40 * Math.abs(Math.sin(i / 3)),
    });
    prev = close;
  }
  return candles;
}

export function makeTrades(count = 15): ClosedTrade[] {
  return Array.from({ length: count }, (_, i) => {
    const win = i % 3 !== 0;
    const entryPrice = 60_000 + i * 50;
    const exitPrice = win ? entryPrice * 1.02 : entryPrice * 0.99;
    return {
      side: 'buy' as const,
      entryTime: T0 + i * 5 * HOUR,
      exitTime: T0 + (i * 5 + 3) * HOUR,
      entryPrice,
      exitPrice,
      quantity: 0.01,
      fees: 1.2,
      pnl: (exitPrice - entryPrice) * 0.01 - 1.2,
      pnlPct: ((exitPrice - entryPrice) / entryPrice) * 100,
      exitReason: win ? ('take_profit' as const) : ('stop_loss' as const),
    };
  });
}

export function makeContext(overrides: Partial<AiMarketContext> = {}): AiMarketContext {
  return {
    symbol: 'BTC/USDT',
    timeframe: '1h',
    candles: makeCandles(),
    position: null,
    balance: { asset: 'USDT', free: 1000, total: 1000 },
    closedTrades: makeTrades(),
    ...overrides,
  };
}

export function lastClose(context: AiMarketContext): number {
  return context.candles[context.candles.length - 1]!.close;
}

/** A sensible long at the last close: stop 1% below, target 2% above. */
export function validBuy(price: number, overrides: Partial<AiDecision> = {}): AiDecision {
  return {
    action: 'buy',
    confidence: 72,
    entry: price,
    stopLoss: Math.round(price * 0.99 * 100) / 100,
    takeProfit: Math.round(price * 1.02 * 100) / 100,
    invalidation: {
      type: 'close_below',
      price: Math.round(price * 0.992 * 100) / 100,
      text: 'Close below the last swing low.',
    },
    reasoning: 'Bullish BOS, pullback into an open FVG, RSI turning up from 45.',
    ...overrides,
  };
}
