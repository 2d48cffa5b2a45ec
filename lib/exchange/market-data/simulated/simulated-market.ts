/**
 * The simulated market: for any seed, symbol and instant, the same prices in every process.
 * Candles of every timeframe are folds of the same 1m path, so a 1h candle is exactly its sixty
 * 1m candles. Pure apart from in-memory caches; time is always passed in.
 */
import { TIMEFRAME_MS, type Candle, type Timeframe } from '../../../core/types';
import { ExchangeError } from '../../exchange-error';
import { type Ticker } from '../../types';
import { alignDown, alignUp } from '../candle-range';
import { MINUTE_MS } from './day-drivers';
import { roundTo } from './increment';
import { SymbolPath } from './symbol-path';
import { symbolProfile, type SymbolProfile } from './symbol-profile';

/** Half the bid/ask spread relative to the price (about 0.2 bp wide), at least one tick. */
const HALF_SPREAD = 0.00001;

export interface SimulatedMarketOptions {
  /** Same seed, same market. Default "osprey". */
  seed?: string | number;
}

export class SimulatedMarket {
  readonly seed: string;
  private readonly paths = new Map<string, SymbolPath>();

  constructor(options: SimulatedMarketOptions = {}) {
    this.seed = String(options.seed ?? 'osprey');
  }

  /** Profile of a `BASE/QUOTE` symbol; throws `bad_symbol` for anything else. */
  profile(symbol: string): SymbolProfile {
    return this.path(symbol).profile;
  }

  /** Candles with open times in [since, until), oldest first (whether closed or not is the caller's business). */
  candles(symbol: string, timeframe: Timeframe, since: number, until: number): Candle[] {
    const path = this.path(symbol);
    const step = TIMEFRAME_MS[timeframe];
    const minutes = step / MINUTE_MS;
    const out: Candle[] = [];
    for (let open = alignUp(Math.max(0, since), step); open < until; open += step) {
      out.push(path.candle(open / MINUTE_MS, minutes));
    }
    return out;
  }

  /** Traded price at epoch ms `time`. */
  price(symbol: string, time: number): number {
    return this.path(symbol).price(time);
  }

  ticker(symbol: string, time: number): Ticker {
    const path = this.path(symbol);
    const last = path.price(time);
    const ticks = Math.max(1, Math.ceil((last * HALF_SPREAD) / path.tick.size));
    const bid = roundTo(last - ticks * path.tick.size, path.tick);
    const ask = roundTo(last + ticks * path.tick.size, path.tick);
    return { symbol, bid: bid > 0 ? bid : last, ask, last, time };
  }

  /** The still-open candle containing `time`, as traded up to `time` (volume so far pro rata). */
  currentCandle(symbol: string, timeframe: Timeframe, time: number): Candle {
    const path = this.path(symbol);
    const step = TIMEFRAME_MS[timeframe];
    const open = alignDown(time, step);
    const currentMinute = Math.floor(time / MINUTE_MS);
    const firstMinute = open / MINUTE_MS;
    const partial = path.partialMinute(time);
    const fraction = time / MINUTE_MS - currentMinute;
    const minuteSoFar: Candle = {
      time: currentMinute * MINUTE_MS,
      ...partial,
      volume: roundTo(path.candle(currentMinute).volume * fraction, path.step),
    };
    if (currentMinute === firstMinute) return { ...minuteSoFar, time: open };
    const closed = path.candle(firstMinute, currentMinute - firstMinute);
    return {
      time: open,
      open: closed.open,
      high: Math.max(closed.high, minuteSoFar.high),
      low: Math.min(closed.low, minuteSoFar.low),
      close: minuteSoFar.close,
      volume: roundTo(closed.volume + minuteSoFar.volume, path.step),
    };
  }

  private path(symbol: string): SymbolPath {
    let path = this.paths.get(symbol);
    if (!path) {
      const profile = symbolProfile(this.seed, symbol);
      if (!profile) {
        throw new ExchangeError(
          'rejected',
          'bad_symbol',
          `Not a BASE/QUOTE symbol: ${JSON.stringify(symbol)}`,
        );
      }
      path = new SymbolPath(profile);
      this.paths.set(symbol, path);
    }
    return path;
  }
}
