import { type PositionView } from '../strategy';
import { type ExitReason } from '../types';
import { type BacktestTrade } from './types';

/** An open long position inside the loop. Levels are NaN when absent. */
export interface OpenPosition {
  id: number;
  entryIndex: number;
  /** First bar in which the position is open (the entry bar, or the next one for a close fill). */
  firstBar: number;
  entryTime: number;
  entryPrice: number;
  quantity: number;
  entryFee: number;
  stop: number;
  target: number;
  /** Entry time + max hold (Infinity without one). */
  deadline: number;
  confidence: number;
  /** What the strategy is shown (built once per position). */
  view: PositionView;
}

/**
 * Cash, open positions and closed trades of a run, in float64. Every fill moves cash by exactly
 * its value and fee, and a trade's P&L is the same two amounts, so the final cash equals the
 * starting balance plus the sum of trade P&L up to float rounding.
 */
export class PositionBook {
  cash: number;
  readonly open: OpenPosition[] = [];
  readonly trades: BacktestTrade[] = [];
  totalFees = 0;
  /** Per traded bar: 1 when some position was open during it. */
  readonly exposed: Uint8Array;
  readonly #start: number;
  #nextId = 1;

  /** `bars` traded bars starting at candle index `start`. */
  constructor(startingBalance: number, start: number, bars: number) {
    this.cash = startingBalance;
    this.#start = start;
    this.exposed = new Uint8Array(bars);
  }

  /** Buys `quantity` at `price` (slippage included) paying `fee`; returns the new position. */
  openLong(
    entryIndex: number,
    firstBar: number,
    time: number,
    price: number,
    quantity: number,
    fee: number,
    stop: number,
    target: number,
    maxHoldMs: number,
    confidence: number,
  ): OpenPosition {
    this.cash -= price * quantity + fee;
    this.totalFees += fee;
    const position: OpenPosition = {
      id: this.#nextId++,
      entryIndex,
      firstBar,
      entryTime: time,
      entryPrice: price,
      quantity,
      entryFee: fee,
      stop,
      target,
      deadline: time + maxHoldMs,
      confidence,
      view: { side: 'buy', entryPrice: price, quantity, entryTime: time },
    };
    this.open.push(position);
    return position;
  }

  /**
   * Sells position `p` at `price` (slippage included) with fee rate `feeRate`, recording the
   * trade; `lastBar` is the last bar in which it was open. The caller removes it from `open`.
   */
  close(
    p: OpenPosition,
    exitIndex: number,
    lastBar: number,
    time: number,
    price: number,
    feeRate: number,
    reason: ExitReason,
  ): BacktestTrade {
    const value = price * p.quantity;
    const fee = value * feeRate;
    this.cash += value - fee;
    this.totalFees += fee;
    const cost = p.entryPrice * p.quantity + p.entryFee;
    const pnl = value - fee - cost;
    const first = p.firstBar - this.#start;
    const last = lastBar - this.#start;
    if (last >= first) this.exposed.fill(1, first, last + 1);
    const trade: BacktestTrade = {
      id: p.id,
      side: 'buy',
      entryTime: p.entryTime,
      exitTime: time,
      entryPrice: p.entryPrice,
      exitPrice: price,
      quantity: p.quantity,
      fees: p.entryFee + fee,
      entryFee: p.entryFee,
      exitFee: fee,
      pnl,
      pnlPct: (pnl / cost) * 100,
      exitReason: reason,
      barsHeld: Math.max(0, last - first + 1),
      entryIndex: p.entryIndex,
      exitIndex,
      stopLoss: p.stop === p.stop ? p.stop : null,
      takeProfit: p.target === p.target ? p.target : null,
      confidence: p.confidence,
    };
    this.trades.push(trade);
    return trade;
  }

  /** Value of the open positions at `price`. */
  markValue(price: number): number {
    let value = 0;
    for (let k = 0; k < this.open.length; k++) value += this.open[k]!.quantity * price;
    return value;
  }
}
