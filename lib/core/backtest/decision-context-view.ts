import { trackRecord, type TrackRecord } from '../metrics';
import { type DecisionContext, type PositionView } from '../strategy';
import { type ClosedTrade } from '../types';

/**
 * The one decision context a run reuses for every bar (no allocation per bar). `record`, the
 * track record over the last 15 closed trades, is computed only when a strategy reads it and
 * only again after another trade closed.
 */
export class DecisionContextView implements DecisionContext {
  time = 0;
  position: PositionView | null = null;
  /** Backtests never read a decision's reasoning: strategies may skip formatting it. */
  readonly explain = false;
  readonly #trades: readonly ClosedTrade[];
  #record: TrackRecord | undefined;
  #recordFor = -1;

  constructor(trades: readonly ClosedTrade[]) {
    this.#trades = trades;
  }

  get record(): TrackRecord {
    if (this.#recordFor !== this.#trades.length || this.#record === undefined) {
      this.#record = trackRecord(this.#trades.slice(-15));
      this.#recordFor = this.#trades.length;
    }
    return this.#record;
  }
}
