/**
 * Lean copies of the built-in `volatile` and `sma-cross` strategies for the benchmark: the
 * same streaming indicator classes and the same rules, but decisions without reasoning text
 * (shared hold/close objects, one reused buy object). They show what the engine costs once a
 * strategy's `decide` stops formatting strings on every bar; the benchmark checks they trade
 * exactly like the registry strategies.
 */
import { Atr, BollingerBands, Macd, Rsi, Sma } from '../lib/core/indicators';
import {
  type DecisionContext,
  type StrategyDecision,
  type StrategyInstance,
} from '../lib/core/strategy';
import { type Candle } from '../lib/core/types';

const HOLD: StrategyDecision = { action: 'hold', confidence: 0, reasoning: '' };
const CLOSE: StrategyDecision = { action: 'close', confidence: 70, reasoning: '' };

/** `volatile` with its default parameters. */
export class LeanVolatile implements StrategyInstance {
  readonly warmup = 35;
  readonly #rsi = new Rsi(14);
  readonly #bands = new BollingerBands(20, 2);
  readonly #macd = new Macd(12, 26, 9);
  readonly #atr = new Atr(14);
  readonly #buy: StrategyDecision = { action: 'buy', confidence: 75, reasoning: '' };
  #prevHistogram = NaN;
  #close = NaN;
  #seen = 0;

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
    if (this.#seen < this.warmup) return HOLD;
    const close = this.#close;
    const rsi = this.#rsi.value;
    const histogram = this.#macd.histogram;
    if (ctx.position) {
      const bearish =
        (close >= this.#bands.upper ? 1 : 0) +
        (rsi > 65 ? 1 : 0) +
        (histogram < this.#prevHistogram ? 1 : 0);
      return bearish >= 2 ? CLOSE : HOLD;
    }
    const bullish =
      (close <= this.#bands.lower ? 1 : 0) +
      (rsi < 35 ? 1 : 0) +
      (histogram > this.#prevHistogram ? 1 : 0);
    if (bullish < 2) return HOLD;
    const atr = this.#atr.value;
    const stop = close - 2 * atr;
    this.#buy.stopLoss = stop > 0 ? stop : undefined;
    this.#buy.takeProfit = close + 3 * atr;
    this.#buy.confidence = 45 + 15 * bullish;
    return this.#buy;
  }
}

/** `sma-cross` without ATR exits (a plain crossover). */
export class LeanSmaCross implements StrategyInstance {
  readonly warmup: number;
  readonly #fast: Sma;
  readonly #slow: Sma;
  readonly #buy: StrategyDecision = { action: 'buy', confidence: 70, reasoning: '' };
  #prevFast = NaN;
  #prevSlow = NaN;
  #seen = 0;

  constructor(fastPeriod: number, slowPeriod: number) {
    this.warmup = slowPeriod + 1;
    this.#fast = new Sma(fastPeriod);
    this.#slow = new Sma(slowPeriod);
  }

  update(candle: Candle): void {
    this.#prevFast = this.#fast.value;
    this.#prevSlow = this.#slow.value;
    this.#fast.update(candle.close);
    this.#slow.update(candle.close);
    this.#seen++;
  }

  decide(ctx: DecisionContext): StrategyDecision {
    if (this.#seen < this.warmup) return HOLD;
    const fast = this.#fast.value;
    const slow = this.#slow.value;
    if (ctx.position) return this.#prevFast >= this.#prevSlow && fast < slow ? CLOSE : HOLD;
    return this.#prevFast <= this.#prevSlow && fast > slow ? this.#buy : HOLD;
  }
}
