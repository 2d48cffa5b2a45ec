/**
 * Shared vocabulary of the pure core. Times are epoch milliseconds (UTC), passed in by the caller.
 * Prices and quantities here are plain numbers for analytics; money that is booked goes through
 * `lib/core/money` (exact decimals).
 */

export type Side = 'buy' | 'sell';

/** What a strategy or an AI proposes. `close` exits an open position; `hold` does nothing. */
export type Action = 'buy' | 'sell' | 'hold' | 'close';

export type Timeframe =
  '1m' | '3m' | '5m' | '15m' | '30m' | '1h' | '2h' | '4h' | '6h' | '12h' | '1d';

export const TIMEFRAME_MS: Record<Timeframe, number> = {
  '1m': 60_000,
  '3m': 180_000,
  '5m': 300_000,
  '15m': 900_000,
  '30m': 1_800_000,
  '1h': 3_600_000,
  '2h': 7_200_000,
  '4h': 14_400_000,
  '6h': 21_600_000,
  '12h': 43_200_000,
  '1d': 86_400_000,
};

export interface Candle {
  /** Open time, epoch ms UTC. */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Columnar candles for backtests and batch indicators. All columns have the same length. */
export interface CandleColumns {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** Why a position was closed. */
export type ExitReason =
  'take_profit' | 'stop_loss' | 'timeout' | 'manual' | 'signal' | 'reconcile' | 'end_of_data';

/** A closed trade as the core sees it (for metrics, track record and risk context). */
export interface ClosedTrade {
  side: Side;
  entryTime: number;
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  quantity: number;
  fees: number;
  pnl: number;
  pnlPct: number;
  exitReason: ExitReason;
}
