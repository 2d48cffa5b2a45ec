import { z } from 'zod';
import { Atr, Rsi } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits } from './atr-exits';
import { clampConfidence, fmt, hold, SILENT_HOLD, wantsReasoning, warmingUp } from './decisions';
import {
  type DecisionContext,
  type StrategyDecision,
  type StrategyDefinition,
  type StrategyInstance,
} from './types';

const schema = z
  .object({
    rsiPeriod: z.number().int().min(2).max(100).default(14),
    oversold: z.number().min(1).max(50).default(30),
    exitLevel: z.number().min(20).max(99).default(55),
    ...atrExitFields({ atrPeriod: 14, stopLossAtr: 2, takeProfitAtr: 3 }),
  })
  .refine((p) => p.oversold < p.exitLevel, {
    message: 'Oversold level must be below the exit level',
    path: ['oversold'],
  });

export type RsiReversionParams = z.infer<typeof schema>;

/**
 * Mean reversion on RSI: buy when flat and the RSI is below `oversold` (the deeper, the more
 * confident); close when in a position and the RSI rises above `exitLevel`.
 */
export const rsiReversion: StrategyDefinition<RsiReversionParams> = {
  id: 'rsi-reversion',
  name: 'RSI reversion',
  description:
    'Buys an oversold market (RSI below the oversold level) and exits when the RSI recovers above the exit level.',
  params: schema,
  paramDocs: {
    rsiPeriod: {
      label: 'RSI period',
      description: 'Candles in the RSI.',
      min: 2,
      max: 100,
      step: 1,
    },
    oversold: {
      label: 'Oversold',
      description: 'Buy when the RSI is below this level.',
      min: 1,
      max: 50,
      step: 1,
    },
    exitLevel: {
      label: 'Exit level',
      description: 'Close when the RSI is above this level.',
      min: 20,
      max: 99,
      step: 1,
    },
    ...atrExitDocs,
  },
  warmup: (p) => Math.max(p.rsiPeriod + 1, p.atrPeriod),
  create: (p) => new RsiReversionInstance(p),
};

class RsiReversionInstance implements StrategyInstance {
  readonly warmup: number;
  readonly #params: RsiReversionParams;
  readonly #rsi: Rsi;
  readonly #atr: Atr;
  #close = NaN;
  #seen = 0;

  constructor(params: RsiReversionParams) {
    this.#params = params;
    this.warmup = rsiReversion.warmup(params);
    this.#rsi = new Rsi(params.rsiPeriod);
    this.#atr = new Atr(params.atrPeriod);
  }

  update(candle: Candle): void {
    this.#rsi.update(candle.close);
    this.#atr.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const { oversold, exitLevel } = this.#params;
    const rsi = this.#rsi.value;
    // text only for a caller that reads it (not the backtester): formatting costs more than
    // the rest of a bar
    const explain = wantsReasoning(ctx);
    if (ctx.position) {
      if (rsi > exitLevel) {
        return {
          action: 'close',
          confidence: 70,
          reasoning: explain ? `RSI ${fmt(rsi)} recovered above ${exitLevel}` : '',
        };
      }
      return explain ? hold(`In position, RSI ${fmt(rsi)} not above ${exitLevel}`) : SILENT_HOLD;
    }
    if (!(rsi < oversold)) {
      return explain ? hold(`RSI ${fmt(rsi)} not below ${oversold}`) : SILENT_HOLD;
    }
    return {
      action: 'buy',
      // 60 at the threshold, +1.5 per RSI point below it, at most 90
      confidence: clampConfidence(Math.min(90, 60 + (oversold - rsi) * 1.5)),
      ...atrExits(this.#close, this.#atr.value, this.#params),
      reasoning: explain ? `RSI ${fmt(rsi)} below oversold ${oversold}` : '',
    };
  }
}
