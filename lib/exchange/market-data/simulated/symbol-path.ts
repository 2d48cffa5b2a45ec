/**
 * The simulated price path of one symbol: 1m candles and the price at any instant, computed on
 * demand from the daily walk and the day's minute path (the last few days are kept in memory).
 * Candles are folded in log space and rounded once at the end; rounding is monotone, so a
 * coarse candle is exactly the fold of its rounded 1m candles.
 */
import { type Candle } from '../../../core/types';
import { DailyLevels } from './daily-levels';
import { buildDayPath, type DayPath } from './day-path';
import { MINUTE_MS, MINUTES_PER_DAY } from './day-drivers';
import { fromUnits, increment, roundTo, unitsOf, type Increment } from './increment';
import {
  logPriceWithin,
  minuteBar,
  minuteExtremes,
  minuteStream,
  rangeWithin,
  type MinuteBar,
} from './minute-bar';
import { type SymbolProfile } from './symbol-profile';

const CACHED_DAYS = 16;

/** A candle with log prices and volume in whole quantity steps. */
export interface LogCandle {
  open: number;
  high: number;
  low: number;
  close: number;
  volumeUnits: number;
}

export class SymbolPath {
  readonly tick: Increment;
  readonly step: Increment;
  private readonly daily: DailyLevels;
  private readonly days = new Map<number, DayPath>();
  private lastPath: DayPath | undefined;

  constructor(readonly profile: SymbolProfile) {
    this.daily = new DailyLevels(profile);
    this.tick = increment(profile.tickSize);
    this.step = increment(profile.stepSize);
  }

  /** The minute (minutes since the epoch) with its intrabar route, in log space. */
  bar(minute: number): MinuteBar {
    const { open, close, sigma } = this.minute(minute);
    return minuteBar(minuteStream(this.profile.key, minute), open, close, sigma);
  }

  /** The 1m candle of `minute` in log space; volume grows with volatility and with the move. */
  logCandle(minute: number): LogCandle {
    const { open, close, sigma, activity } = this.minute(minute);
    const stream = minuteStream(this.profile.key, minute);
    const { high, low, volumeNoise } = minuteExtremes(stream, open, close, sigma);
    const move = sigma > 0 ? Math.abs(close - open) / sigma : 0;
    const value = activity * (0.5 + 0.5 * move) * volumeNoise;
    return { open, high, low, close, volumeUnits: unitsOf(value / Math.exp(close), this.step) };
  }

  /** Fold of `count` 1m candles from minute `first`, rounded: prices on the tick, volume on the step. */
  candle(first: number, count = 1): Candle {
    const acc = this.logCandle(first);
    for (let m = first + 1; m < first + count; m += 1) {
      const next = this.logCandle(m);
      if (next.high > acc.high) acc.high = next.high;
      if (next.low < acc.low) acc.low = next.low;
      acc.close = next.close;
      acc.volumeUnits += next.volumeUnits;
    }
    return {
      time: first * MINUTE_MS,
      open: roundTo(Math.exp(acc.open), this.tick),
      high: roundTo(Math.exp(acc.high), this.tick),
      low: roundTo(Math.exp(acc.low), this.tick),
      close: roundTo(Math.exp(acc.close), this.tick),
      volume: fromUnits(acc.volumeUnits, this.step),
    };
  }

  /** Price (on the tick) at epoch ms `time`. */
  price(time: number): number {
    const minute = Math.floor(time / MINUTE_MS);
    const bar = this.bar(minute);
    return roundTo(Math.exp(logPriceWithin(bar, time / MINUTE_MS - minute)), this.tick);
  }

  /** The minute containing `time` as traded so far: open, range touched up to `time`, price now. */
  partialMinute(time: number): { open: number; high: number; low: number; close: number } {
    const minute = Math.floor(time / MINUTE_MS);
    const bar = this.bar(minute);
    const fraction = time / MINUTE_MS - minute;
    const range = rangeWithin(bar, fraction);
    return {
      open: roundTo(Math.exp(bar.open), this.tick),
      high: roundTo(Math.exp(range.high), this.tick),
      low: roundTo(Math.exp(range.low), this.tick),
      close: roundTo(Math.exp(logPriceWithin(bar, fraction)), this.tick),
    };
  }

  /** Open and close (log), volatility and typical traded value of `minute`, from its day's path. */
  private minute(minute: number): { open: number; close: number; sigma: number; activity: number } {
    if (!Number.isInteger(minute) || minute < 0) {
      throw new RangeError(`Minute ${minute} is before the epoch`);
    }
    const day = Math.floor(minute / MINUTES_PER_DAY);
    const path = this.dayPath(day);
    const i = minute - day * MINUTES_PER_DAY;
    return {
      open: path.levels[i] ?? Number.NaN,
      close: path.levels[i + 1] ?? Number.NaN,
      sigma: path.sigmas[i] ?? 0,
      activity: path.activity[i] ?? 0,
    };
  }

  private dayPath(day: number): DayPath {
    if (this.lastPath?.day === day) return this.lastPath;
    let path = this.days.get(day);
    if (path) {
      this.days.delete(day);
    } else {
      path = buildDayPath(this.profile, this.daily, day);
      if (this.days.size >= CACHED_DAYS) {
        const oldest = this.days.keys().next();
        if (!oldest.done) this.days.delete(oldest.value);
      }
    }
    this.days.set(day, path);
    this.lastPath = path;
    return path;
  }
}
