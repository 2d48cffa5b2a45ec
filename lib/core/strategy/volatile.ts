import { z } from 'zod';
import { Atr, BollingerBands, Macd, Rsi } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits } from './atr-exits';
import { clampConfidence, fmt, hold, warmingUp } from './decisions';
import {
  type DecisionContext,
  type StrategyDecision,
  type StrategyDefinition,
  type StrategyInstance,
} from './types';

const schema = z
  .object({
    rsiPeriod: z.number().int().min(2).max(100).default(14),
    rsiBuy: z.number().min(1).max(99).default(35),
    rsiSell: z.number().min(1).max(99).default(65),
    bbPeriod: z.number().int().min(2).max(200).default(20),
    bbStdDev: z.number().min(0.5).max(5).default(2),
    macdFast: z.number().int().min(2).max(100).default(12),
    macdSlow: z.number().int().min(3).max(200).default(26),
    macdSignal: z.number().int().min(2).max(100).default(9),
    minSignals: z.number().int().min(1).max(3).default(2),
    ...atrExitFields({ atrPeriod: 14, stopLossAtr: 2, takeProfitAtr: 3 }),
  })
  .refine((p) => p.rsiBuy < p.rsiSell, {
    message: 'RSI buy level must be below RSI sell level',
    path: ['rsiBuy'],
  })
  .refine((p) => p.macdFast < p.macdSlow, {
    message: 'MACD fast must be below MACD slow',
    path: ['macdFast'],
  });

export type VolatileParams = z.infer<typeof schema>;

/**
 * Confluence for volatile markets. Three bullish signals: close at or below the lower
 * Bollinger band, RSI below `rsiBuy`, MACD histogram rising. Buy when flat and at least
 * `minSignals` agree; close when in a position and as many bearish mirrors agree (close at or
 * above the upper band, RSI above `rsiSell`, histogram falling). Confidence 45 + 15 per signal.
 */
export const volatile: StrategyDefinition<VolatileParams> = {
  id: 'volatile',
  name: 'Volatile confluence',
  description:
    'Buys stretched dips when RSI, Bollinger Bands and MACD momentum agree, and exits when they agree the other way.',
  params: schema,
  paramDocs: {
    rsiPeriod: {
      label: 'RSI period',
      description: 'Candles in the RSI.',
      min: 2,
      max: 100,
      step: 1,
    },
    rsiBuy: {
      label: 'RSI buy below',
      description: 'Bullish signal when the RSI is below this.',
      min: 1,
      max: 99,
      step: 1,
    },
    rsiSell: {
      label: 'RSI sell above',
      description: 'Bearish signal when the RSI is above this.',
      min: 1,
      max: 99,
      step: 1,
    },
    bbPeriod: {
      label: 'Bollinger period',
      description: 'Candles in the Bollinger Bands.',
      min: 2,
      max: 200,
      step: 1,
    },
    bbStdDev: {
      label: 'Bollinger width',
      description: 'Standard deviations from the middle band.',
      min: 0.5,
      max: 5,
      step: 0.1,
    },
    macdFast: {
      label: 'MACD fast',
      description: 'Fast EMA of the MACD.',
      min: 2,
      max: 100,
      step: 1,
    },
    macdSlow: {
      label: 'MACD slow',
      description: 'Slow EMA of the MACD.',
      min: 3,
      max: 200,
      step: 1,
    },
    macdSignal: {
      label: 'MACD signal',
      description: 'Signal EMA of the MACD.',
      min: 2,
      max: 100,
      step: 1,
    },
    minSignals: {
      label: 'Signals required',
      description: 'How many of the three signals must agree (1–3).',
      min: 1,
      max: 3,
      step: 1,
    },
    ...atrExitDocs,
  },
  warmup: (p) =>
    Math.max(
      p.rsiPeriod + 1,
      p.bbPeriod,
      // the histogram's direction needs two MACD values
      new Macd(p.macdFast, p.macdSlow, p.macdSignal).warmup + 2,
      p.atrPeriod,
    ),
  create: (p) => new VolatileInstance(p),
};

class VolatileInstance implements StrategyInstance {
  readonly warmup: number;
  readonly #params: VolatileParams;
  readonly #rsi: Rsi;
  readonly #bands: BollingerBands;
  readonly #macd: Macd;
  readonly #atr: Atr;
  #prevHistogram = NaN;
  #close = NaN;
  #seen = 0;

  constructor(params: VolatileParams) {
    this.#params = params;
    this.warmup = volatile.warmup(params);
    this.#rsi = new Rsi(params.rsiPeriod);
    this.#bands = new BollingerBands(params.bbPeriod, params.bbStdDev);
    this.#macd = new Macd(params.macdFast, params.macdSlow, params.macdSignal);
    this.#atr = new Atr(params.atrPeriod);
  }

  update(candle: Candle): void {
    this.#prevHistogram = this.#macd.histogram;
    this.#rsi.update(candle.close);
    this.#bands.update(candle.close);
    this.#macd.update(candle.close);
    this.#atr.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const p = this.#params;
    const close = this.#close;
    const rsi = this.#rsi.value;
    const histogram = this.#macd.histogram;
    // Count the signals first; the reasoning text is built only for a decision that acts
    // (formatting numbers on every held bar dominated backtest time).
    const lowBand = close <= this.#bands.lower;
    const oversold = rsi < p.rsiBuy;
    const rising = histogram > this.#prevHistogram;
    const highBand = close >= this.#bands.upper;
    const overbought = rsi > p.rsiSell;
    const falling = histogram < this.#prevHistogram;
    const bullishCount = +lowBand + +oversold + +rising;
    const bearishCount = +highBand + +overbought + +falling;
    const bullish = () =>
      [
        lowBand && `close ${fmt(close)} at/below lower band ${fmt(this.#bands.lower)}`,
        oversold && `RSI ${fmt(rsi)} < ${p.rsiBuy}`,
        rising && 'MACD histogram rising',
      ].filter((t): t is string => t !== false);
    const bearish = () =>
      [
        highBand && `close ${fmt(close)} at/above upper band ${fmt(this.#bands.upper)}`,
        overbought && `RSI ${fmt(rsi)} > ${p.rsiSell}`,
        falling && 'MACD histogram falling',
      ].filter((t): t is string => t !== false);
    const confidence = (n: number) => clampConfidence(45 + 15 * n);
    if (ctx.position) {
      if (bearishCount >= p.minSignals) {
        return {
          action: 'close',
          confidence: confidence(bearishCount),
          reasoning: `Bearish: ${bearish().join('; ')}`,
        };
      }
      return hold(`In position, ${bearishCount} of ${p.minSignals} bearish signals`);
    }
    if (bullishCount < p.minSignals) {
      return hold(`${bullishCount} of ${p.minSignals} bullish signals`);
    }
    return {
      action: 'buy',
      confidence: confidence(bullishCount),
      ...atrExits(close, this.#atr.value, p),
      reasoning: `Bullish: ${bullish().join('; ')}`,
    };
  }
}
