import { type StructureOptions } from './types';

export const DEFAULT_STRUCTURE_OPTIONS: Readonly<StructureOptions> = {
  swingWidth: 3,
  breakOn: 'close',
  fvgMinPct: 0,
  maxOpenFvgs: 50,
  equalTolerancePct: 0.1,
  liquidityLookback: 200,
  maxZones: 3,
  adxPeriod: 14,
  adxThreshold: 25,
  trendMa: 'ema',
  trendMaPeriod: 50,
  slopeBars: 10,
  minSlopePct: 0,
  atrPeriod: 14,
  volatilityLookback: 100,
  lowPercentile: 20,
  highPercentile: 80,
};

const positiveIntegers = [
  'swingWidth',
  'maxOpenFvgs',
  'liquidityLookback',
  'maxZones',
  'adxPeriod',
  'trendMaPeriod',
  'slopeBars',
  'atrPeriod',
] as const;

const nonNegative = ['fvgMinPct', 'equalTolerancePct', 'adxThreshold', 'minSlopePct'] as const;

/** Defaults merged with `options`; throws a RangeError on a value that makes no sense. */
export function resolveStructureOptions(options: Partial<StructureOptions> = {}): StructureOptions {
  const o: StructureOptions = { ...DEFAULT_STRUCTURE_OPTIONS, ...options };
  for (const key of positiveIntegers) {
    if (!Number.isInteger(o[key]) || o[key] < 1) {
      throw new RangeError(`${key} must be a positive integer, got ${o[key]}`);
    }
  }
  for (const key of nonNegative) {
    if (!Number.isFinite(o[key]) || o[key] < 0) {
      throw new RangeError(`${key} must be a finite number >= 0, got ${o[key]}`);
    }
  }
  if (!Number.isInteger(o.volatilityLookback) || o.volatilityLookback < 2) {
    throw new RangeError(`volatilityLookback must be an integer >= 2, got ${o.volatilityLookback}`);
  }
  if (!(o.lowPercentile >= 0 && o.lowPercentile <= o.highPercentile && o.highPercentile <= 100)) {
    throw new RangeError('need 0 <= lowPercentile <= highPercentile <= 100');
  }
  if (o.breakOn !== 'close' && o.breakOn !== 'wick') throw new RangeError('breakOn: close | wick');
  if (o.trendMa !== 'ema' && o.trendMa !== 'sma') throw new RangeError('trendMa: ema | sma');
  return o;
}
