import { z } from 'zod';
import { Atr, Sma } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits } from './atr-exits';
import { fmt, hold, warmingUp } from './decisions';
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

class SmaCrossInstance implements StrategyInstance {
  readonly warmup: number;
  readonly #params: SmaCrossParams;
  readonly #fast: Sma;
  readonly #slow: Sma;
  readonly #atr: Atr;
  #prevFast = NaN;
  #prevSlow = NaN;
  #close = NaN;
  #seen = 0;

  constructor(params: SmaCrossParams) {
    this.#params = params;
    this.warmup = smaCross.warmup(params);
    this.#fast = new Sma(params.fastPeriod);
    this.#slow = new Sma(params.slowPeriod);
    this.#atr = new Atr(params.atrPeriod);
  }

  update(candle: Candle): void {
    this.#prevFast = this.#fast.value;
    this.#prevSlow = this.#slow.value;
    this.#fast.update(candle.close);
    this.#slow.update(candle.close);
    this.#atr.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const fast = this.#fast.value;
    const slow = this.#slow.value;
    // Levels are formatted only for a decision that acts: holds happen on almost every bar.
    const levels = () => `fast SMA ${fmt(fast)}, slow SMA ${fmt(slow)}`;
    if (ctx.position) {
      const crossedDown = this.#prevFast >= this.#prevSlow && fast < slow;
      if (crossedDown) {
        return {
          action: 'close',
          confidence: 70,
          reasoning: `Fast SMA crossed below slow SMA (${levels()})`,
        };
      }
      return hold(
        fast < slow
          ? 'In position; fast SMA below slow, no fresh cross down'
          : 'In position; fast SMA above slow',
      );
    }
    const crossedUp = this.#prevFast <= this.#prevSlow && fast > slow;
    if (!crossedUp)
      return hold(fast > slow ? 'Fast SMA above slow, no fresh cross up' : 'Fast SMA below slow');
    return {
      action: 'buy',
      confidence: 70,
      ...atrExits(this.#close, this.#atr.value, this.#params),
      reasoning: `Fast SMA crossed above slow SMA (${levels()})`,
    };
  }
}
