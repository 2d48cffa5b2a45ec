/**
 * The minute path of one UTC day: a random walk whose per-minute volatility follows the hour's
 * regime, with the day's jumps in their minutes, bridged so that it starts at this day's level
 * and ends exactly at the next day's (a Gaussian walk conditioned on its endpoint: the gap is
 * spread over the minutes in proportion to their variance).
 */
import { drawNormal } from './hash';
import { type DailyLevels } from './daily-levels';
import {
  dayDrivers,
  hourJump,
  HOURS_PER_DAY,
  MINUTES_PER_DAY,
  MINUTES_PER_HOUR,
} from './day-drivers';
import { minuteStream, SHOCK_DRAW } from './minute-bar';
import { regimeVolMultiplier } from './regimes';
import { type SymbolProfile } from './symbol-profile';

export interface DayPath {
  day: number;
  /** Log-price at each minute boundary: `levels[i]` opens minute i, `levels[i + 1]` closes it. */
  levels: Float64Array;
  /** Diffusion volatility of each minute (log-return standard deviation). */
  sigmas: Float64Array;
  /** Typical traded value of each minute in quote currency (busier when volatile). */
  activity: Float64Array;
}

/** How strongly volume follows volatility: value traded ∝ (sigma / normal sigma)^0.8. */
const VOLUME_VOL_ELASTICITY = 0.8;

export function buildDayPath(profile: SymbolProfile, daily: DailyLevels, day: number): DayPath {
  const start = daily.level(day);
  const end = daily.level(day + 1);
  const { hourRegimes } = dayDrivers(profile, day, daily.startRegime(day));
  const steps = new Float64Array(MINUTES_PER_DAY);
  const sigmas = new Float64Array(MINUTES_PER_DAY);
  const activity = new Float64Array(MINUTES_PER_DAY);
  const firstMinute = day * MINUTES_PER_DAY;
  let sum = 0;
  let variance = 0;
  for (let i = 0; i < MINUTES_PER_DAY; i += 1) {
    const multiplier = regimeVolMultiplier(hourRegimes[Math.floor(i / MINUTES_PER_HOUR)] ?? 1);
    const sigma = profile.minuteVol * multiplier;
    const step = sigma * drawNormal(minuteStream(profile.key, firstMinute + i), SHOCK_DRAW);
    sigmas[i] = sigma;
    activity[i] = profile.quoteVolumePerMinute * Math.pow(multiplier, VOLUME_VOL_ELASTICITY);
    steps[i] = step;
    sum += step;
    variance += sigma * sigma;
  }
  for (let h = 0; h < HOURS_PER_DAY; h += 1) {
    const jump = hourJump(profile, day * HOURS_PER_DAY + h);
    if (!jump) continue;
    const i = h * MINUTES_PER_HOUR + jump.minute;
    steps[i] = (steps[i] ?? 0) + jump.size;
    sum += jump.size;
  }
  const correction = (end - start - sum) / variance;
  const levels = new Float64Array(MINUTES_PER_DAY + 1);
  levels[0] = start;
  for (let i = 0; i < MINUTES_PER_DAY; i += 1) {
    const sigma = sigmas[i] ?? 0;
    levels[i + 1] = (levels[i] ?? start) + (steps[i] ?? 0) + correction * sigma * sigma;
  }
  levels[MINUTES_PER_DAY] = end;
  return { day, levels, sigmas, activity };
}
