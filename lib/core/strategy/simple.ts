import { z } from 'zod';
import { Atr, Ema, Rsi } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits } from './atr-exits';
import { fmt, hold, SILENT_HOLD, wantsReasoning, warmingUp } from './decisions';
import {
  type DecisionContext,
  type StrategyDecision,
  type StrategyDefinition,
  type StrategyInstance,
} from './types';

const schema = z
  .object({
    fastEma: z.number().int().min(2).max(500).default(20),
    slowEma: z.number().int().min(3).max(1000).default(50),
    rsiPeriod: z.number().int().min(2).max(100).default(14),
    pullbackRsi: z.number().min(1).max(99).default(45),
    exitRsi: z.number().min(1).max(99).default(70),
    ...atrExitFields({ atrPeriod: 14, stopLossAtr: 1.5, takeProfitAtr: 3 }),
  })
  .refine((p) => p.fastEma < p.slowEma, {
    message: 'Fast EMA must be below slow EMA',
    path: ['fastEma'],
  })
  .refine((p) => p.pullbackRsi < p.exitRsi, {
    message: 'Pullback RSI must be below exit RSI',
    path: ['pullbackRsi'],
  });

export type SimpleParams = z.infer<typeof schema>;

/**
 * Conservative trend + pullback. Buy only in an uptrend (fast EMA above slow EMA, close above
 * the slow EMA) after a pullback (RSI below `pullbackRsi`), with a stop 1.5 ATR below and a
 * target 3 ATR above (2:1). Close when the trend turns (fast EMA below slow) or the RSI is above
 * `exitRsi`.
 */
export const simple: StrategyDefinition<SimpleParams> = {
  id: 'simple',
  name: 'Trend pullback',
  description:
    'Conservative: buys pullbacks (low RSI) inside an EMA uptrend with a 2:1 ATR target, exits when the trend turns or the market is overbought.',
  params: schema,
  paramDocs: {
    fastEma: {
      label: 'Fast EMA',
      description: 'Candles in the fast EMA.',
      min: 2,
      max: 500,
      step: 1,
    },
    slowEma: {
      label: 'Slow EMA',
      description: 'Candles in the slow (trend) EMA.',
      min: 3,
      max: 1000,
      step: 1,
    },
    rsiPeriod: {
      label: 'RSI period',
      description: 'Candles in the RSI.',
      min: 2,
      max: 100,
      step: 1,
    },
    pullbackRsi: {
      label: 'Pullback RSI',
      description: 'Buy in an uptrend when the RSI is below this.',
      min: 1,
      max: 99,
      step: 1,
    },
    exitRsi: {
      label: 'Exit RSI',
      description: 'Close when the RSI is above this.',
      min: 1,
      max: 99,
      step: 1,
    },
    ...atrExitDocs,
  },
  warmup: (p) => Math.max(p.slowEma, p.rsiPeriod + 1, p.atrPeriod),
  create: (p) => new SimpleInstance(p),
};

class SimpleInstance implements StrategyInstance {
  readonly warmup: number;
  readonly #params: SimpleParams;
  readonly #fast: Ema;
  readonly #slow: Ema;
  readonly #rsi: Rsi;
  readonly #atr: Atr;
  #close = NaN;
  #seen = 0;

  constructor(params: SimpleParams) {
    this.#params = params;
    this.warmup = simple.warmup(params);
    this.#fast = new Ema(params.fastEma);
    this.#slow = new Ema(params.slowEma);
    this.#rsi = new Rsi(params.rsiPeriod);
    this.#atr = new Atr(params.atrPeriod);
  }

  update(candle: Candle): void {
    this.#fast.update(candle.close);
    this.#slow.update(candle.close);
    this.#rsi.update(candle.close);
    this.#atr.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const p = this.#params;
    const fast = this.#fast.value;
    const slow = this.#slow.value;
    const rsi = this.#rsi.value;
    // text only for a caller that reads it (not the backtester): formatting costs more than
    // the rest of a bar
    const explain = wantsReasoning(ctx);
    const state = explain ? `EMA ${fmt(fast)}/${fmt(slow)}, RSI ${fmt(rsi)}` : '';
    if (ctx.position) {
      if (fast < slow) {
        const reasoning = explain ? `Trend turned down (${state})` : '';
        return { action: 'close', confidence: 70, reasoning };
      }
      if (rsi > p.exitRsi)
        return {
          action: 'close',
          confidence: 65,
          reasoning: explain ? `Overbought, taking profit (${state})` : '',
        };
      return explain ? hold(`In position, trend intact (${state})`) : SILENT_HOLD;
    }
    const uptrend = fast > slow && this.#close > slow;
    if (!uptrend) return explain ? hold(`No uptrend (${state})`) : SILENT_HOLD;
    if (!(rsi < p.pullbackRsi)) {
      return explain ? hold(`Uptrend without pullback (${state})`) : SILENT_HOLD;
    }
    return {
      action: 'buy',
      confidence: 65,
      ...atrExits(this.#close, this.#atr.value, p),
      reasoning: explain ? `Pullback in an uptrend (${state})` : '',
    };
  }
}
