/**
 * What drives one simulated UTC day: the regime of each of its 24 hours, the jumps that land in
 * it, and the variance of its log-return. Both the coarse daily walk and the minute path of the
 * day read these, so the two always agree.
 */
import { normal, uniform } from './hash';
import { nextRegime, regimeVolMultiplier } from './regimes';
import { type SymbolProfile } from './symbol-profile';

export const MINUTE_MS = 60_000;
export const MINUTES_PER_HOUR = 60;
export const HOURS_PER_DAY = 24;
export const MINUTES_PER_DAY = MINUTES_PER_HOUR * HOURS_PER_DAY;
export const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

/** About one jump every two days. */
const JUMP_PROBABILITY_PER_HOUR = 0.02;
const JUMP_STREAM = 11;
const JUMP_MINUTE_STREAM = 12;
const JUMP_SIZE_STREAM = 13;
const JUMP_SIGN_STREAM = 14;

export interface Jump {
  /** Minute within the hour, 0–59. */
  minute: number;
  /** Log-price jump. */
  size: number;
}

/** The jump in hour `hour` (hours since the epoch), if there is one. */
export function hourJump(profile: SymbolProfile, hour: number): Jump | null {
  const { key, minuteVol } = profile;
  if (uniform(key, hour, JUMP_STREAM) >= JUMP_PROBABILITY_PER_HOUR) return null;
  const sign = uniform(key, hour, JUMP_SIGN_STREAM) < 0.5 ? -1 : 1;
  const magnitude = minuteVol * (6 + 4 * Math.abs(normal(key, hour, JUMP_SIZE_STREAM)));
  return {
    minute: Math.floor(uniform(key, hour, JUMP_MINUTE_STREAM) * MINUTES_PER_HOUR),
    size: sign * magnitude,
  };
}

export interface DayDrivers {
  /** Regime index of each hour of the day. */
  hourRegimes: Uint8Array;
  /** Regime of the day's last hour (the next day starts from it). */
  endRegime: number;
  /** Sum of the per-minute variances of the day's diffusion. */
  variance: number;
  /** Sum of the day's jumps (log). */
  jumpSum: number;
}

/** Drivers of day `day` (days since the epoch) when the hour before it was in `startRegime`. */
export function dayDrivers(profile: SymbolProfile, day: number, startRegime: number): DayDrivers {
  const hourRegimes = new Uint8Array(HOURS_PER_DAY);
  let regime = startRegime;
  let variance = 0;
  let jumpSum = 0;
  for (let h = 0; h < HOURS_PER_DAY; h += 1) {
    const hour = day * HOURS_PER_DAY + h;
    regime = nextRegime(profile.key, hour, regime);
    hourRegimes[h] = regime;
    const sigma = profile.minuteVol * regimeVolMultiplier(regime);
    variance += MINUTES_PER_HOUR * sigma * sigma;
    jumpSum += hourJump(profile, hour)?.size ?? 0;
  }
  return { hourRegimes, endRegime: regime, variance, jumpSum };
}
