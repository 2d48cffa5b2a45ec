import { type BacktestOptions } from './options';

/**
 * The core fill model (`lib/core/fills`) in float64 for the hot loop: same rules, numbers
 * instead of exact decimals (a property test checks both agree). Long positions only, so
 * entries are market buys and exits are market sells, sell stops and sell limits.
 */
export interface FloatFillModel {
  takerFee: number;
  makerFee: number;
  /** Multipliers for taker buys and sells: 1 ± slippageBps / 10⁴. */
  buyFactor: number;
  sellFactor: number;
  stopFirst: boolean;
}

export function floatFillModel(options: BacktestOptions): FloatFillModel {
  const shift = options.slippageBps / 10_000;
  return {
    takerFee: options.feeRate,
    makerFee: options.makerFeeRate ?? options.feeRate,
    buyFactor: 1 + shift,
    sellFactor: 1 - shift,
    stopFirst: options.bothLegsPolicy === 'stop-first',
  };
}

/** What an exit OCO did on one bar (see `touchExit`). */
export const EXIT_NONE = 0;
export const EXIT_STOP_AT_LEVEL = 1;
export const EXIT_STOP_AT_OPEN = 2;
export const EXIT_TARGET_AT_LEVEL = 3;
export const EXIT_TARGET_AT_OPEN = 4;

/**
 * The exit OCO of a long on one bar: a sell stop at `stop` and a sell limit at `target` (NaN =
 * that leg is absent, so a lone stop or a lone target also works). A leg reached at the open
 * (the bar opened at or through it) wins; when both are reached only inside the bar,
 * `stopFirst` picks the stop, otherwise the target. Returns one of the `EXIT_*` codes.
 * Mirrors `evaluateOco` / `evaluateOrder` of `lib/core/fills` (comparisons with NaN are false).
 */
export function touchExit(
  stop: number,
  target: number,
  open: number,
  high: number,
  low: number,
  stopFirst: boolean,
): number {
  if (open <= stop) return EXIT_STOP_AT_OPEN;
  if (open >= target) return EXIT_TARGET_AT_OPEN;
  const stopHit = low <= stop;
  const targetHit = high >= target;
  if (stopHit && targetHit) return stopFirst ? EXIT_STOP_AT_LEVEL : EXIT_TARGET_AT_LEVEL;
  if (stopHit) return EXIT_STOP_AT_LEVEL;
  if (targetHit) return EXIT_TARGET_AT_LEVEL;
  return EXIT_NONE;
}

/**
 * Fill price of an exit code on a bar: stops are taker fills slipped down from the stop (or the
 * worse open); targets are maker fills at the limit (or the better open), not slipped.
 */
export function exitPrice(
  model: FloatFillModel,
  code: number,
  stop: number,
  target: number,
  open: number,
): number {
  switch (code) {
    case EXIT_STOP_AT_LEVEL:
      return stop * model.sellFactor;
    case EXIT_STOP_AT_OPEN:
      return open * model.sellFactor;
    case EXIT_TARGET_AT_LEVEL:
      return target;
    default:
      return open;
  }
}

/** True for the take-profit codes (maker fill). */
export function isTargetExit(code: number): boolean {
  return code === EXIT_TARGET_AT_LEVEL || code === EXIT_TARGET_AT_OPEN;
}
