import type { BacktestTrade } from '../core/backtest';
import type { Candle, CandleColumns, ExitReason, Side } from '../core/types';

/** At most this many bars are drawn on a run's candle chart. */
export const MAX_DISPLAY_BARS = 1000;

/**
 * The candles from index `from` on, merged into at most `maxBars` display bars of `ceil(n /
 * maxBars)` consecutive candles each: the open and time of the first, the highest high, the
 * lowest low, the close of the last and the summed volume. Pure; oldest first.
 */
export function aggregateCandles(
  columns: CandleColumns,
  maxBars: number = MAX_DISPLAY_BARS,
  from = 0,
): Candle[] {
  const n = columns.time.length - from;
  if (n <= 0) return [];
  const size = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(maxBars))));
  const out: Candle[] = [];
  for (let start = from; start < columns.time.length; start += size) {
    const end = Math.min(columns.time.length, start + size);
    let high = -Infinity;
    let low = Infinity;
    let volume = 0;
    for (let i = start; i < end; i++) {
      high = Math.max(high, columns.high[i]!);
      low = Math.min(low, columns.low[i]!);
      volume += columns.volume[i]!;
    }
    out.push({
      time: columns.time[start]!,
      open: columns.open[start]!,
      high,
      low,
      close: columns.close[end - 1]!,
      volume,
    });
  }
  return out;
}

/** One end of a trade on the chart: where and why it filled. */
export interface TradeEndMarker {
  tradeId: number;
  time: number;
  price: number;
  kind: 'entry' | 'exit';
  side: Side;
  /** The exit's reason; null for an entry. */
  reason: ExitReason | null;
  /** Short text for the marker: `#3 long`, `#3 stop_loss`. */
  text: string;
}

/** The entry and the exit of every trade in time order (at one time: by trade, entry first). */
export function tradeMarkers(trades: readonly BacktestTrade[]): TradeEndMarker[] {
  const out: TradeEndMarker[] = [];
  for (const t of trades) {
    out.push({
      tradeId: t.id,
      time: t.entryTime,
      price: t.entryPrice,
      kind: 'entry',
      side: t.side,
      reason: null,
      text: `#${t.id} ${t.side === 'buy' ? 'long' : 'short'}`,
    });
    out.push({
      tradeId: t.id,
      time: t.exitTime,
      price: t.exitPrice,
      kind: 'exit',
      side: t.side,
      reason: t.exitReason,
      text: `#${t.id} ${t.exitReason.replace(/_/g, ' ')}`,
    });
  }
  return out.sort(
    (a, b) =>
      a.time - b.time ||
      a.tradeId - b.tradeId ||
      (a.kind === b.kind ? 0 : a.kind === 'entry' ? -1 : 1),
  );
}
