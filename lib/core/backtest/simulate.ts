import { type StrategyInstance } from '../strategy';
import { type Candle, type CandleColumns, type ExitReason } from '../types';
import { BacktestError } from './backtest-error';
import { BarCandle } from './bar-candle';
import { DecisionContextView } from './decision-context-view';
import { type EntryOrder, EntryDesk } from './entry-desk';
import {
  EXIT_NONE,
  EXIT_STOP_AT_OPEN,
  EXIT_TARGET_AT_OPEN,
  exitPrice,
  type FloatFillModel,
  floatFillModel,
  isTargetExit,
  touchExit,
} from './float-fills';
import { type BacktestOptions } from './options';
import { type OpenPosition, PositionBook } from './position-book';
import { RiskGate } from './risk-gate';

/** What the loop needs, already validated. */
export interface SimulationSetup {
  candles: CandleColumns;
  timeframeMs: number;
  symbol: string;
  strategy: StrategyInstance;
  options: BacktestOptions;
  /** First bar that may trade; earlier bars only warm the strategy up. */
  start: number;
  onProgress?: (fraction: number) => void;
  shouldCancel?: () => boolean;
  cancelCheckBars: number;
}

/**
 * Raw outcome of the loop: the book (trades, exposure per traded bar) and the equity curve:
 * the starting balance, then the equity at each traded bar's close.
 */
export interface SimulationOutcome {
  book: PositionBook;
  equity: Float64Array;
  buySignals: number;
  closeSignals: number;
  skippedEntries: Record<string, number>;
  riskRejections: Record<string, number>;
}

/**
 * The bar-by-bar loop (semantics in `BACKTEST_SEMANTICS`). Allocation-free on bars without
 * events: one reused candle object and decision context; positions and trades are objects
 * created only when something fills.
 */
export function simulate(setup: SimulationSetup): SimulationOutcome {
  return new Simulation(setup).run();
}

class Simulation {
  readonly #s: SimulationSetup;
  readonly #o: BacktestOptions;
  readonly #fills: FloatFillModel;
  readonly #book: PositionBook;
  readonly #gate: RiskGate | null;
  readonly #entries: EntryDesk;
  readonly #equity: Float64Array;
  #buySignals = 0;
  #closeSignals = 0;
  /** Over the open positions: highest stop, lowest target, earliest deadline, total quantity. */
  #exitStop = -Infinity;
  #exitTarget = Infinity;
  #exitDeadline = Infinity;
  #openQuantity = 0;

  constructor(setup: SimulationSetup) {
    this.#s = setup;
    this.#o = setup.options;
    this.#fills = floatFillModel(setup.options);
    const bars = setup.candles.time.length - setup.start;
    this.#book = new PositionBook(setup.options.startingBalance, setup.start, bars);
    // point 0 is the starting balance before the first traded bar; point k the close of bar k − 1
    this.#equity = new Float64Array(bars + 1);
    this.#equity[0] = setup.options.startingBalance;
    const policy = setup.options.riskPolicy;
    this.#gate = policy ? new RiskGate(policy, setup.symbol, setup.options.startingBalance) : null;
    this.#entries = new EntryDesk(setup.options, this.#fills, this.#book, this.#gate);
  }

  run(): SimulationOutcome {
    const { candles, strategy, start, timeframeMs: tf } = this.#s;
    const { time, open, high, low, close, volume } = candles;
    const n = time.length;
    const book = this.#book;
    const positions = book.open;
    const equity = this.#equity;
    const nextOpen = this.#o.fillTiming === 'next-open';
    const maxConcurrent = this.#o.maxConcurrent;
    const gate = this.#gate;
    const candle: Candle = new BarCandle();
    const ctx = new DecisionContextView(book.trades);
    // progress (~100 calls) and cancellation share one check index, so a bar pays one compare
    const progressEvery = Math.max(1, Math.ceil(n / 100));
    const cancelEvery = this.#s.cancelCheckBars;
    let nextProgress = progressEvery;
    let nextCancel = cancelEvery;
    let nextCheck = Math.min(nextProgress, nextCancel);
    let pendingEntry: EntryOrder | null = null;
    let pendingExit = false;

    for (let i = 0; i < n; i++) {
      if (i === nextCheck) {
        if (i === nextCancel) {
          nextCancel += cancelEvery;
          if (this.#s.shouldCancel?.()) throw new BacktestError('cancelled', 'Backtest cancelled');
        }
        if (i === nextProgress) {
          nextProgress += progressEvery;
          this.#s.onProgress?.(i / n);
        }
        nextCheck = Math.min(nextProgress, nextCancel);
      }
      const t = time[i]!;
      const c = close[i]!;
      candle.time = t;
      candle.open = open[i]!;
      candle.high = high[i]!;
      candle.low = low[i]!;
      candle.close = c;
      candle.volume = volume[i]!;
      if (i < start) {
        strategy.update(candle);
        continue;
      }

      // At the open: pending orders, then each position's OCO and timeout.
      if (pendingExit) {
        this.#closeAll(i, i - 1, t, candle.open, 'signal');
        pendingExit = false;
      }
      if (pendingEntry !== null) {
        if (this.#entries.fill(i, i, t, candle.open, pendingEntry)) this.#refresh();
        pendingEntry = null;
      }
      // a leg or a time-out can only fire when the bar reaches the nearest one
      if (
        positions.length > 0 &&
        (candle.low <= this.#exitStop || candle.high >= this.#exitTarget || t >= this.#exitDeadline)
      ) {
        this.#checkExits(i, candle);
      }

      // At the close: the strategy sees the candle and decides.
      strategy.update(candle);
      const now = t + tf;
      const last = i === n - 1;
      if (gate !== null) gate.observe(now, book.cash + book.markValue(c));
      ctx.time = now;
      let closing = false;
      const held = positions.length;
      if (held > 0) {
        ctx.position = positions[held - 1]!.view;
        const d = strategy.decide(ctx);
        if (d.action === 'close' || d.action === 'sell') {
          this.#closeSignals++;
          closing = true;
          if (!nextOpen) this.#closeAll(i, i, now, c, 'signal');
          else if (!last) pendingExit = true;
        }
      }
      if (!closing && held < maxConcurrent) {
        ctx.position = null;
        const d = strategy.decide(ctx);
        if (d.action === 'buy') {
          this.#buySignals++;
          if (last) this.#entries.skip('END_OF_DATA');
          else {
            const order = this.#entries.order(d, now, c);
            if (order !== null) {
              if (nextOpen) pendingEntry = order;
              else if (this.#entries.fill(i, i + 1, now, c, order)) this.#refresh();
            }
          }
        }
      }
      if (last && positions.length > 0) this.#closeAll(i, i, now, c, 'end_of_data');
      equity[i - start + 1] = book.cash + this.#openQuantity * c;
    }
    this.#s.onProgress?.(1);
    return {
      book,
      equity,
      buySignals: this.#buySignals,
      closeSignals: this.#closeSignals,
      skippedEntries: this.#entries.skipped,
      riskRejections: this.#entries.riskRejections,
    };
  }

  /** OCO legs and timeouts of every open position on bar `i`, oldest position first. */
  #checkExits(i: number, bar: Candle): void {
    const positions = this.#book.open;
    const fills = this.#fills;
    let kept = 0;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      const code = touchExit(p.stop, p.target, bar.open, bar.high, bar.low, fills.stopFirst);
      const atOpen = code === EXIT_STOP_AT_OPEN || code === EXIT_TARGET_AT_OPEN;
      if (code !== EXIT_NONE && (atOpen || bar.time < p.deadline)) {
        const price = exitPrice(fills, code, p.stop, p.target, bar.open);
        const target = isTargetExit(code);
        const feeRate = target ? fills.makerFee : fills.takerFee;
        const lastBar = atOpen ? i - 1 : i;
        this.#exit(p, i, lastBar, bar.time, price, feeRate, target ? 'take_profit' : 'stop_loss');
      } else if (bar.time >= p.deadline) {
        this.#exit(p, i, i - 1, bar.time, bar.open * fills.sellFactor, fills.takerFee, 'timeout');
      } else {
        positions[kept++] = p;
      }
    }
    // setting an array's length is a runtime call: only when something closed
    if (kept !== positions.length) {
      positions.length = kept;
      this.#refresh();
    }
  }

  #exit(
    p: OpenPosition,
    i: number,
    lastBar: number,
    time: number,
    price: number,
    feeRate: number,
    reason: ExitReason,
  ): void {
    const trade = this.#book.close(p, i, lastBar, time, price, feeRate, reason);
    this.#gate?.exited(trade);
  }

  /** Market-sells every open position at `reference` (slipped), oldest first. */
  #closeAll(i: number, lastBar: number, time: number, reference: number, reason: ExitReason): void {
    const positions = this.#book.open;
    const price = reference * this.#fills.sellFactor;
    for (let k = 0; k < positions.length; k++) {
      this.#exit(positions[k]!, i, lastBar, time, price, this.#fills.takerFee, reason);
    }
    positions.length = 0;
    this.#refresh();
  }

  /** Recomputes the exit bounds and open quantity after positions changed (rare: fills only). */
  #refresh(): void {
    let stop = -Infinity;
    let target = Infinity;
    let deadline = Infinity;
    let quantity = 0;
    for (const p of this.#book.open) {
      if (p.stop > stop) stop = p.stop;
      if (p.target < target) target = p.target;
      if (p.deadline < deadline) deadline = p.deadline;
      quantity += p.quantity;
    }
    this.#exitStop = stop;
    this.#exitTarget = target;
    this.#exitDeadline = deadline;
    this.#openQuantity = quantity;
  }
}
