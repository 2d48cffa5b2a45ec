import { z } from 'zod';
import { Atr, BollingerBands, Macd, Rsi } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits, usesAtr } from './atr-exits';
import { clampConfidence, fmt, frozenHold, wantsReasoning, warmingUp } from './decisions';
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
  /** Null when both ATR exits are off: the ATR would never be read. */
  readonly #atr: Atr | null;
  /** The holds for 0–3 signals, built once (text depends only on the count and `minSignals`). */
  readonly #holdsInPosition: readonly StrategyDecision[];
  readonly #holdsFlat: readonly StrategyDecision[];
  #prevHistogram = NaN;
  #close = NaN;
  #seen = 0;

  constructor(params: VolatileParams) {
    this.#params = params;
    const counts = [0, 1, 2, 3];
    this.#holdsInPosition = counts.map((k) =>
      frozenHold(`In position, ${k} of ${params.minSignals} bearish signals`),
    );
    this.#holdsFlat = counts.map((k) => frozenHold(`${k} of ${params.minSignals} bullish signals`));
    this.warmup = volatile.warmup(params);
    this.#rsi = new Rsi(params.rsiPeriod);
    this.#bands = new BollingerBands(params.bbPeriod, params.bbStdDev);
    this.#macd = new Macd(params.macdFast, params.macdSlow, params.macdSignal);
    this.#atr = usesAtr(params) ? new Atr(params.atrPeriod) : null;
  }

  update(candle: Candle): void {
    this.#prevHistogram = this.#macd.histogram;
    this.#rsi.update(candle.close);
    this.#bands.update(candle.close);
    this.#macd.update(candle.close);
    this.#atr?.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const p = this.#params;
    const close = this.#close;
    const rsi = this.#rsi.value;
    const histogram = this.#macd.histogram;
    const prev = this.#prevHistogram;
    // Allocation-free on held bars (almost every bar): count the signals, answer from the
    // instance's frozen holds; the reasoning of a decision that acts is formatted only when the
    // caller reads it (not in backtests).
    if (ctx.position) {
      const upper = this.#bands.upper;
      const count = +(close >= upper) + +(rsi > p.rsiSell) + +(histogram < prev);
      if (count < p.minSignals) return this.#holdsInPosition[count]!;
      return {
        action: 'close',
        confidence: clampConfidence(45 + 15 * count),
        reasoning: wantsReasoning(ctx)
          ? bearishReasoning(close, upper, rsi, p, histogram, prev)
          : '',
      };
    }
    const lower = this.#bands.lower;
    const count = +(close <= lower) + +(rsi < p.rsiBuy) + +(histogram > prev);
    if (count < p.minSignals) return this.#holdsFlat[count]!;
    return {
      action: 'buy',
      confidence: clampConfidence(45 + 15 * count),
      ...atrExits(close, this.#atr?.value ?? NaN, p),
      reasoning: wantsReasoning(ctx) ? bullishReasoning(close, lower, rsi, p, histogram, prev) : '',
    };
  }
}

/** Why a `buy`: the bullish signals that hold (module-level, so nothing is created per bar). */
function bullishReasoning(
  close: number,
  lower: number,
  rsi: number,
  p: VolatileParams,
  histogram: number,
  prevHistogram: number,
): string {
  const parts: string[] = [];
  if (close <= lower) parts.push(`close ${fmt(close)} at/below lower band ${fmt(lower)}`);
  if (rsi < p.rsiBuy) parts.push(`RSI ${fmt(rsi)} < ${p.rsiBuy}`);
  if (histogram > prevHistogram) parts.push('MACD histogram rising');
  return `Bullish: ${parts.join('; ')}`;
}

/** Why a `close`: the bearish signals that hold. */
function bearishReasoning(
  close: number,
  upper: number,
  rsi: number,
  p: VolatileParams,
  histogram: number,
  prevHistogram: number,
): string {
  const parts: string[] = [];
  if (close >= upper) parts.push(`close ${fmt(close)} at/above upper band ${fmt(upper)}`);
  if (rsi > p.rsiSell) parts.push(`RSI ${fmt(rsi)} > ${p.rsiSell}`);
  if (histogram < prevHistogram) parts.push('MACD histogram falling');
  return `Bearish: ${parts.join('; ')}`;
}
