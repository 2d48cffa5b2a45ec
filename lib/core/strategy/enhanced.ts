import { z } from 'zod';
import { Adx, Atr, BollingerBands, Ema, Rsi } from '../indicators';
import { type Candle } from '../types';
import { atrExitDocs, atrExitFields, atrExits } from './atr-exits';
import { clampConfidence, fmt, hold, SILENT_HOLD, wantsReasoning, warmingUp } from './decisions';
import { detectRegime, type Regime } from './detect-regime';
import {
  type DecisionContext,
  type StrategyDecision,
  type StrategyDefinition,
  type StrategyInstance,
} from './types';

const schema = z
  .object({
    adxPeriod: z.number().int().min(2).max(100).default(14),
    trendAdx: z.number().min(1).max(100).default(25),
    rangeAdx: z.number().min(1).max(100).default(20),
    fastEma: z.number().int().min(2).max(500).default(20),
    slowEma: z.number().int().min(3).max(1000).default(50),
    rsiPeriod: z.number().int().min(2).max(100).default(14),
    rangeRsiBuy: z.number().min(1).max(99).default(35),
    rangeRsiExit: z.number().min(1).max(99).default(65),
    bbPeriod: z.number().int().min(2).max(200).default(20),
    bbStdDev: z.number().min(0.5).max(5).default(2),
    maxAtrPct: z.number().min(0.1).max(100).default(5),
    ...atrExitFields({ atrPeriod: 14, stopLossAtr: 2, takeProfitAtr: 4 }),
    rangeStopLossAtr: z.number().min(0).max(20).default(1.5),
    rangeTakeProfitAtr: z.number().min(0).max(50).default(2),
  })
  .refine((p) => p.rangeAdx < p.trendAdx, {
    message: 'Range ADX must be below trend ADX',
    path: ['rangeAdx'],
  })
  .refine((p) => p.fastEma < p.slowEma, {
    message: 'Fast EMA must be below slow EMA',
    path: ['fastEma'],
  })
  .refine((p) => p.rangeRsiBuy < p.rangeRsiExit, {
    message: 'Range RSI buy must be below range RSI exit',
    path: ['rangeRsiBuy'],
  });

export type EnhancedParams = z.infer<typeof schema>;

/**
 * Regime-aware. ADX ≥ `trendAdx` is a trend: buy when +DI > −DI, fast EMA > slow EMA and the
 * close is above the fast EMA (wide ATR exits). ADX ≤ `rangeAdx` is a range: buy at or below the
 * lower Bollinger band with RSI below `rangeRsiBuy` (tight exits). Between the two: no entries.
 * Confidence grows with trend strength or oversold depth; when ATR exceeds `maxAtrPct` of the
 * price, `sizeHint` scales the position down in proportion. Close when −DI > +DI with the close
 * under the slow EMA, or in a range when the close reaches the upper band or RSI > `rangeRsiExit`.
 * The track record is left to the risk engine, which already tightens after a poor record.
 */
export const enhanced: StrategyDefinition<EnhancedParams> = {
  id: 'enhanced',
  name: 'Regime adaptive',
  description:
    'Detects trend vs range with ADX: follows trends, fades range extremes, stands aside in between; sizes down when volatility is high.',
  params: schema,
  paramDocs: {
    adxPeriod: {
      label: 'ADX period',
      description: 'Candles in the ADX / DMI.',
      min: 2,
      max: 100,
      step: 1,
    },
    trendAdx: {
      label: 'Trend ADX',
      description: 'ADX at or above this is a trending market.',
      min: 1,
      max: 100,
      step: 1,
    },
    rangeAdx: {
      label: 'Range ADX',
      description: 'ADX at or below this is a ranging market.',
      min: 1,
      max: 100,
      step: 1,
    },
    fastEma: {
      label: 'Fast EMA',
      description: 'Candles in the fast EMA.',
      min: 2,
      max: 500,
      step: 1,
    },
    slowEma: {
      label: 'Slow EMA',
      description: 'Candles in the slow EMA.',
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
    rangeRsiBuy: {
      label: 'Range RSI buy',
      description: 'In a range, buy when the RSI is below this.',
      min: 1,
      max: 99,
      step: 1,
    },
    rangeRsiExit: {
      label: 'Range RSI exit',
      description: 'In a range, close when the RSI is above this.',
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
    maxAtrPct: {
      label: 'Max ATR %',
      description: 'Above this ATR (as % of price) the size hint shrinks.',
      min: 0.1,
      max: 100,
      step: 0.1,
    },
    ...atrExitDocs,
    rangeStopLossAtr: {
      label: 'Range stop-loss (× ATR)',
      description: 'Stop-loss for range entries; 0 = none.',
      min: 0,
      max: 20,
      step: 0.1,
    },
    rangeTakeProfitAtr: {
      label: 'Range take-profit (× ATR)',
      description: 'Take-profit for range entries; 0 = none.',
      min: 0,
      max: 50,
      step: 0.1,
    },
  },
  warmup: (p) =>
    Math.max(new Adx(p.adxPeriod).warmup + 1, p.slowEma, p.rsiPeriod + 1, p.bbPeriod, p.atrPeriod),
  create: (p) => new EnhancedInstance(p),
};

class EnhancedInstance implements StrategyInstance {
  readonly warmup: number;
  readonly #p: EnhancedParams;
  readonly #adx: Adx;
  readonly #fast: Ema;
  readonly #slow: Ema;
  readonly #rsi: Rsi;
  readonly #bands: BollingerBands;
  readonly #atr: Atr;
  #close = NaN;
  #seen = 0;

  constructor(params: EnhancedParams) {
    this.#p = params;
    this.warmup = enhanced.warmup(params);
    this.#adx = new Adx(params.adxPeriod);
    this.#fast = new Ema(params.fastEma);
    this.#slow = new Ema(params.slowEma);
    this.#rsi = new Rsi(params.rsiPeriod);
    this.#bands = new BollingerBands(params.bbPeriod, params.bbStdDev);
    this.#atr = new Atr(params.atrPeriod);
  }

  update(candle: Candle): void {
    this.#adx.update(candle.high, candle.low, candle.close);
    this.#fast.update(candle.close);
    this.#slow.update(candle.close);
    this.#rsi.update(candle.close);
    this.#bands.update(candle.close);
    this.#atr.update(candle.high, candle.low, candle.close);
    this.#close = candle.close;
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return warmingUp(this.#seen, this.warmup);
    const p = this.#p;
    const adx = this.#adx;
    const regime: Regime = detectRegime(adx.adx, p.trendAdx, p.rangeAdx);
    const close = this.#close;
    const rsi = this.#rsi.value;
    // text only for a caller that reads it (not the backtester): formatting costs more than
    // the rest of a bar
    const explain = wantsReasoning(ctx);
    const state = explain
      ? `${regime}, ADX ${fmt(adx.adx)}, +DI ${fmt(adx.plusDi)}, -DI ${fmt(adx.minusDi)}, RSI ${fmt(rsi)}`
      : '';

    if (ctx.position) {
      if (adx.minusDi > adx.plusDi && close < this.#slow.value) {
        const reasoning = explain ? `Trend reversed (${state})` : '';
        return { action: 'close', confidence: 70, reasoning };
      }
      if (regime === 'range' && (close >= this.#bands.upper || rsi > p.rangeRsiExit)) {
        const reasoning = explain ? `Range top reached (${state})` : '';
        return { action: 'close', confidence: 65, reasoning };
      }
      return explain ? hold(`In position (${state})`) : SILENT_HOLD;
    }

    const atr = this.#atr.value;
    const atrPct = (atr / close) * 100;
    const sizeHint = atrPct > p.maxAtrPct ? Math.max(0.25, p.maxAtrPct / atrPct) : 1;
    const sizing =
      explain && sizeHint < 1 ? `; ATR ${fmt(atrPct)}% of price, size ×${fmt(sizeHint)}` : '';

    if (regime === 'trend') {
      const bullish =
        adx.plusDi > adx.minusDi && this.#fast.value > this.#slow.value && close > this.#fast.value;
      if (!bullish) return explain ? hold(`Trend but not bullish (${state})`) : SILENT_HOLD;
      return {
        action: 'buy',
        confidence: clampConfidence(Math.min(90, 60 + (adx.adx - p.trendAdx))),
        ...atrExits(close, atr, p),
        sizeHint,
        reasoning: explain ? `Bullish trend (${state})${sizing}` : '',
      };
    }
    if (regime === 'range') {
      if (!(close <= this.#bands.lower && rsi < p.rangeRsiBuy))
        return explain ? hold(`Range, not at the bottom (${state})`) : SILENT_HOLD;
      const exits = {
        atrPeriod: p.atrPeriod,
        stopLossAtr: p.rangeStopLossAtr,
        takeProfitAtr: p.rangeTakeProfitAtr,
      };
      return {
        action: 'buy',
        confidence: clampConfidence(Math.min(85, 60 + (p.rangeRsiBuy - rsi))),
        ...atrExits(close, atr, exits),
        sizeHint,
        reasoning: explain
          ? `Range bottom: close ${fmt(close)} at/below lower band ${fmt(this.#bands.lower)} (${state})${sizing}`
          : '',
      };
    }
    return explain ? hold(`No clear regime (${state})`) : SILENT_HOLD;
  }
}
