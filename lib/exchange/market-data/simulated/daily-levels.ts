/**
 * The coarse walk: the log-price at 00:00 UTC of every day since the epoch, and the regime the
 * day starts in. Each day moves by a mean-reverting (Ornstein–Uhlenbeck) step toward a slowly
 * wandering trend level, with the variance its hourly regimes imply plus its jumps. Computed
 * forward once per symbol and kept (a few bytes a day), so any day is O(1) afterwards.
 */
import { normal, uniform } from './hash';
import { dayDrivers } from './day-drivers';
import { INITIAL_REGIME } from './regimes';
import { type SymbolProfile } from './symbol-profile';

/** Daily pull toward the trend level (half-life about 170 days). */
const MEAN_REVERSION = 0.004;
/** The trend level wanders within about ±30% of the base price… */
const TREND_AMPLITUDE = 0.3;
/** …changing direction every few months. */
const TREND_KNOT_DAYS = 90;
const TREND_STREAM = 30;
const DAY_SHOCK_STREAM = 20;

/** Smooth value noise in [-1, 1] with one random knot every unit of `x`. */
function valueNoise(key: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = 2 * uniform(key, i, TREND_STREAM) - 1;
  const b = 2 * uniform(key, i + 1, TREND_STREAM) - 1;
  const w = (1 - Math.cos(Math.PI * f)) / 2;
  return a + (b - a) * w;
}

/** The level the walk is pulled toward on day `day`. */
export function trendLevel(profile: SymbolProfile, day: number): number {
  return (
    Math.log(profile.basePrice) + TREND_AMPLITUDE * valueNoise(profile.key, day / TREND_KNOT_DAYS)
  );
}

export class DailyLevels {
  private levels = new Float64Array(4096);
  private regimes = new Uint8Array(4096);
  private known = 1;

  constructor(private readonly profile: SymbolProfile) {
    this.levels[0] = Math.log(profile.basePrice);
    this.regimes[0] = INITIAL_REGIME;
  }

  /** Log-price at the start of day `day`. */
  level(day: number): number {
    this.extendTo(day);
    return this.levels[day] ?? Number.NaN;
  }

  /** Regime index of the hour before day `day` starts. */
  startRegime(day: number): number {
    this.extendTo(day);
    return this.regimes[day] ?? INITIAL_REGIME;
  }

  private extendTo(day: number): void {
    if (!Number.isInteger(day) || day < 0) throw new RangeError(`Day ${day} is before the epoch`);
    if (day < this.known) return;
    if (day >= this.levels.length) this.grow(day + 1);
    for (let k = this.known - 1; k < day; k += 1) {
      const level = this.levels[k] ?? 0;
      const drivers = dayDrivers(this.profile, k, this.regimes[k] ?? INITIAL_REGIME);
      const pull = MEAN_REVERSION * (trendLevel(this.profile, k) - level);
      const shock = Math.sqrt(drivers.variance) * normal(this.profile.key, k, DAY_SHOCK_STREAM);
      this.levels[k + 1] = level + pull + shock + drivers.jumpSum;
      this.regimes[k + 1] = drivers.endRegime;
    }
    this.known = day + 1;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.levels.length * 2);
    const levels = new Float64Array(capacity);
    levels.set(this.levels);
    const regimes = new Uint8Array(capacity);
    regimes.set(this.regimes);
    this.levels = levels;
    this.regimes = regimes;
  }
}
