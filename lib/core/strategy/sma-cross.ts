import { z } from 'zod';
import { Atr, Sma } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits, usesAtr } from './atr-exits';
import { fmt, frozenHold, wantsReasoning, warmingUp } from './decisions';
import {
  type DecisionContext,
  type StrategyDecision,
  type StrategyDefinition,
  type StrategyInstance,
} from './types';

const schema = z
  .object({
    fastPeriod: z.number().int().min(1).max(500).default(10),
    slowPeriod: z.number().int().min(2).max(1000).default(30),
    ...atrExitFields({ atrPeriod: 14, stopLossAtr: 2, takeProfitAtr: 4 }),
  })
  .refine((p) => p.fastPeriod < p.slowPeriod, {
    message: 'Fast period must be below slow period',
    path: ['fastPeriod'],
  });

export type SmaCrossParams = z.infer<typeof schema>;

/**
 * Trend following on two simple moving averages. A cross is strict on the last two values:
 * up when the fast SMA was at or below the slow one and is now above it; down the reverse.
 * Buy on a cross up when flat; close on a cross down when in a position; hold otherwise.
 */
export const smaCross: StrategyDefinition<SmaCrossParams> = {
  id: 'sma-cross',
  name: 'SMA crossover',
  description:
    'Buys when the fast SMA crosses above the slow SMA and exits when it crosses back below. Stop-loss and take-profit at ATR multiples.',
  params: schema,
  paramDocs: {
    fastPeriod: {
      label: 'Fast SMA',
      description: 'Candles in the fast moving average.',
      min: 1,
      max: 500,
      step: 1,
    },
    slowPeriod: {
      label: 'Slow SMA',
      description: 'Candles in the slow moving average.',
      min: 2,
      max: 1000,
      step: 1,
    },
    ...atrExitDocs,
  },
  // the first slow value comes with candle `slowPeriod`; a cross needs the one before it too
  warmup: (p) => Math.max(p.slowPeriod + 1, p.atrPeriod),
  create: (p) => new SmaCrossInstance(p),
};

/** The holds, shared by every instance (frozen: the same object on every held bar). */
const HOLD_IN_POSITION_BELOW = frozenHold('In position; fast SMA below slow, no fresh cross down');
const HOLD_IN_POSITION_ABOVE = frozenHold('In position; fast SMA above slow');
const HOLD_ABOVE = frozenHold('Fast SMA above slow, no fresh cross up');
const HOLD_BELOW = frozenHold('Fast SMA below slow');

function levels(fast: number, slow: number): string {
  return `fast SMA ${fmt(fast)}, slow SMA ${fmt(slow)}`;
}

class SmaCrossInstance implements StrategyInstance {
  readonly warmup: number;
  readonly #params: SmaCrossParams;
  readonly #fast: Sma;
  readonly #slow: Sma;
  /** Null when both ATR exits are off: the ATR would never be read. */
  readonly #atr: Atr | null;
  #prevFast = NaN;
  #prevSlow = NaN;
  #close = NaN;
  #seen = 0;

  constructor(params: SmaCrossParams) {
    this.#params = params;
    this.warmup = smaCross.warmup(params);
    this.#fast = new Sma(params.fastPeriod);
    this.#slow = new Sma(params.slowPeriod);
    this.#atr = usesAtr(params) ? new Atr(params.atrPeriod) : null;
  }

  update(candle: Candle): void {
    this.#prevFast = this.#fast.value;
    this.#prevSlow = this.#slow.value;
    this.#fast.update(candle.close);
    this.#slow.update(candle.close);
    this.#atr?.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const fast = this.#fast.value;
    const slow = this.#slow.value;
    // Holds (almost every bar) are shared frozen objects; the levels of a decision that acts
    // are formatted only when the caller reads them (not in backtests).
    if (ctx.position) {
      const crossedDown = this.#prevFast >= this.#prevSlow && fast < slow;
      if (crossedDown) {
        return {
          action: 'close',
          confidence: 70,
          reasoning: wantsReasoning(ctx)
            ? `Fast SMA crossed below slow SMA (${levels(fast, slow)})`
            : '',
        };
      }
      return fast < slow ? HOLD_IN_POSITION_BELOW : HOLD_IN_POSITION_ABOVE;
    }
    const crossedUp = this.#prevFast <= this.#prevSlow && fast > slow;
    if (!crossedUp) return fast > slow ? HOLD_ABOVE : HOLD_BELOW;
    return {
      action: 'buy',
      confidence: 70,
      ...atrExits(this.#close, this.#atr?.value ?? NaN, this.#params),
      reasoning: wantsReasoning(ctx)
        ? `Fast SMA crossed above slow SMA (${levels(fast, slow)})`
        : '',
    };
  }
}
