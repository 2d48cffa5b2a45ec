import { type SizingCaps } from '../sizing';
import { type StrategyDecision } from '../strategy';
import { type FloatFillModel } from './float-fills';
import { type BacktestOptions } from './options';
import { type PositionBook } from './position-book';
import { type RiskGate } from './risk-gate';
import { sizeEntry } from './size-entry';

/** An entry decided at a bar close, filled at the next open (or at once for same-close). */
export interface EntryOrder {
  /** Absolute levels from the strategy; NaN when absent (defaults apply at the fill). */
  stop: number;
  target: number;
  confidence: number;
  sizeHint: number;
  /** Risk-policy caps fixed at decision time, or null without a policy. */
  caps: SizingCaps | null;
}

const finiteOrNaN = (x: number | undefined): number =>
  x !== undefined && x > 0 && Number.isFinite(x) ? x : NaN;

/**
 * Entries of a run: turns buy decisions into orders (through the risk engine when a policy is
 * set) and fills them (sizing at the fill price, default stop/target %), counting every entry
 * that did not happen by reason.
 */
export class EntryDesk {
  readonly skipped: Record<string, number> = {};
  readonly riskRejections: Record<string, number> = {};
  readonly #o: BacktestOptions;
  readonly #fills: FloatFillModel;
  readonly #book: PositionBook;
  readonly #gate: RiskGate | null;
  readonly #maxHold: number;

  constructor(
    options: BacktestOptions,
    fills: FloatFillModel,
    book: PositionBook,
    gate: RiskGate | null,
  ) {
    this.#o = options;
    this.#fills = fills;
    this.#book = book;
    this.#gate = gate;
    this.#maxHold = options.maxHoldMs ?? Infinity;
  }

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  /**
   * Turns a buy decision at `now` (reference price `close`) into an entry order, or null when
   * the risk engine rejects it (counted by rule code) or it cannot be sized.
   */
  order(d: StrategyDecision, now: number, close: number): EntryOrder | null {
    const useLevels = this.#o.useStrategyExits;
    const hint = d.sizeHint !== undefined && d.sizeHint > 0 && d.sizeHint < 1 ? d.sizeHint : 1;
    const order: EntryOrder = {
      stop: useLevels ? finiteOrNaN(d.stopLoss) : NaN,
      target: useLevels ? finiteOrNaN(d.takeProfit) : NaN,
      confidence: d.confidence,
      sizeHint: hint,
      caps: null,
    };
    const gate = this.#gate;
    if (gate === null) return order;
    const book = this.#book;
    const price = close * this.#fills.buyFactor;
    const stop = this.#stopFor(order, price);
    const positionValue = book.markValue(close);
    const caps = gate.caps(book.trades, positionValue);
    const quantity = sizeEntry({
      sizing: this.#o.sizing,
      price,
      stop,
      equity: book.cash + positionValue,
      cash: book.cash,
      feeRate: this.#fills.takerFee,
      sizeHint: hint,
      caps,
    });
    if (typeof quantity === 'string') {
      this.skip(quantity);
      return null;
    }
    const evaluation = gate.evaluate(
      {
        now,
        price: close,
        stop,
        confidence: d.confidence,
        cash: book.cash,
        equity: book.cash + positionValue,
        openPositions: book.open.length,
        positionValue,
      },
      quantity,
      book.trades,
    );
    if (!evaluation.approved) {
      this.skip('RISK_REJECTED');
      for (const f of evaluation.failures) {
        this.riskRejections[f.code] = (this.riskRejections[f.code] ?? 0) + 1;
      }
      return null;
    }
    gate.entered(now);
    order.caps = caps;
    return order;
  }

  /**
   * Opens a position for `order` at `reference` (slipped) in bar `i` (first open bar
   * `firstBar`). Returns false when it could not be sized (counted).
   */
  fill(i: number, firstBar: number, time: number, reference: number, order: EntryOrder): boolean {
    const book = this.#book;
    const fills = this.#fills;
    const price = reference * fills.buyFactor;
    const stop = this.#stopFor(order, price);
    const targetPct = this.#o.defaultTakeProfitPct;
    const target =
      order.target === order.target || targetPct === null
        ? order.target
        : price * (1 + targetPct / 100);
    const equity = book.cash + (book.open.length > 0 ? book.markValue(reference) : 0);
    const quantity = sizeEntry({
      sizing: this.#o.sizing,
      price,
      stop,
      equity,
      cash: book.cash,
      feeRate: fills.takerFee,
      sizeHint: order.sizeHint,
      caps: order.caps,
    });
    if (typeof quantity === 'string') {
      this.skip(quantity);
      return false;
    }
    const fee = price * quantity * fills.takerFee;
    book.openLong(
      i,
      firstBar,
      time,
      price,
      quantity,
      fee,
      stop,
      target,
      this.#maxHold,
      order.confidence,
    );
    return true;
  }

  /** The order's stop, or the default stop % below `price`, or NaN. */
  #stopFor(order: EntryOrder, price: number): number {
    const pct = this.#o.defaultStopLossPct;
    return order.stop === order.stop || pct === null ? order.stop : price * (1 - pct / 100);
  }
}
