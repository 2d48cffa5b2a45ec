import { trackRecord } from '../metrics';
import {
  adjustForPerformance,
  evaluateRisk,
  type RiskEvaluation,
  type RiskPolicy,
  startOfUtcDay,
} from '../risk';
import { sizingCapsFromPolicy, type SizingCaps } from '../sizing';
import { type BacktestTrade } from './types';

/** An entry the strategy proposes, at decision time. */
export interface ProposedEntry {
  /** Decision time (the bar close), epoch ms. */
  now: number;
  /** Reference price (the decision bar's close). */
  price: number;
  /** NaN without a stop. */
  stop: number;
  confidence: number;
  cash: number;
  equity: number;
  openPositions: number;
  /** Open positions valued at the reference price. */
  positionValue: number;
}

/**
 * The core risk engine inside a backtest. Counters come from the run itself, never from a
 * clock or a database: trades opened and P&L realised since 00:00 UTC of the decision time,
 * the last entry and the last stop-loss, the equity peak and the equity at the start of the
 * day (the mark at the last bar close before 00:00, or at 00:00 itself).
 */
export class RiskGate {
  readonly #policy: RiskPolicy;
  readonly #symbol: string;
  #equityPeak: number;
  #dayStart = -Infinity;
  #startOfDayEquity: number;
  #lastEquity: number;
  #entriesToday = 0;
  #lastEntryAt: number | null = null;
  #lastStopLossAt: number | null = null;

  constructor(policy: RiskPolicy, symbol: string, startingBalance: number) {
    this.#policy = policy;
    this.#symbol = symbol;
    this.#equityPeak = startingBalance;
    this.#startOfDayEquity = startingBalance;
    this.#lastEquity = startingBalance;
  }

  /** Call at every bar close (decision time `now`) with the equity marked at that close. */
  observe(now: number, equity: number): void {
    const day = startOfUtcDay(now);
    if (day !== this.#dayStart) {
      this.#startOfDayEquity = now === day ? equity : this.#lastEquity;
      this.#dayStart = day;
      this.#entriesToday = 0;
    }
    if (equity > this.#equityPeak) this.#equityPeak = equity;
    this.#lastEquity = equity;
  }

  /** Caps and performance multiplier for sizing an entry after these closed trades. */
  caps(trades: readonly BacktestTrade[], positionValue: number): SizingCaps {
    const record = trackRecord(trades.slice(-15));
    const { sizeMultiplier } = adjustForPerformance(this.#policy, record);
    return sizingCapsFromPolicy(this.#policy, { sizeMultiplier, positionValue });
  }

  /** Runs every rule on the entry with the sized `quantity`. */
  evaluate(
    entry: ProposedEntry,
    quantity: number,
    trades: readonly BacktestTrade[],
  ): RiskEvaluation {
    let realisedToday = 0;
    for (let k = trades.length - 1; k >= 0; k--) {
      const t = trades[k]!;
      if (t.exitTime < this.#dayStart) break;
      realisedToday += t.pnl;
    }
    return evaluateRisk(
      {
        now: entry.now,
        order: {
          symbol: this.#symbol,
          side: 'buy',
          reducing: false,
          quantity,
          price: entry.price,
          stopPrice: entry.stop === entry.stop ? entry.stop : null,
          confidence: entry.confidence,
          botId: 'backtest',
        },
        account: {
          balance: entry.cash,
          equity: entry.equity,
          equityPeak: this.#equityPeak,
          startOfDayEquity: this.#startOfDayEquity,
        },
        counters: {
          openPositions: entry.openPositions,
          openPositionsForBot: entry.openPositions,
          openOrdersForSymbol: 0,
          tradesToday: this.#entriesToday,
          realisedPnlToday: realisedToday,
          lastOrderAt: this.#lastEntryAt,
          lastStopLossAt: this.#lastStopLossAt,
          positionValue: entry.positionValue,
        },
        killSwitch: { global: false, user: false },
        trackRecord: trackRecord(trades.slice(-15)),
      },
      this.#policy,
    );
  }

  /** An approved entry was placed at `now`. */
  entered(now: number): void {
    this.#entriesToday++;
    this.#lastEntryAt = now;
  }

  /** A position was closed. */
  exited(trade: BacktestTrade): void {
    if (trade.exitReason === 'stop_loss') this.#lastStopLossAt = trade.exitTime;
  }
}
