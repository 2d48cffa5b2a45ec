import { BacktestError } from './backtest-error';

/** An inclusive numeric range: from, from + step, … up to `to`. */
export interface ParamRange {
  from: number;
  to: number;
  step: number;
}

export type ParamValue = number | string | boolean;

/** Per parameter: a range or an explicit list of values. */
export type GridSpec = Readonly<Record<string, ParamRange | readonly ParamValue[]>>;

/** One combination of grid values, by parameter name. */
export type ParamCombo = Record<string, ParamValue>;

/** Default ceiling on the number of combinations a grid may expand to. */
export const MAX_COMBINATIONS = 100_000;

/** Decimal places of a number's shortest form (0.25 → 2, 1e-7 → 7). */
function decimals(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * The values of one range. Each is rounded to the decimals of `from` and `step`, so 0.1 steps
 * give 0.3, not 0.30000000000000004; `to` is included when the steps land on it.
 */
export function rangeValues(name: string, r: ParamRange): number[] {
  const { from, to, step } = r;
  if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from) {
    throw new BacktestError(
      'bad_request',
      `Grid range for ${name} needs finite from ≤ to and step > 0 (got from ${from}, to ${to}, step ${step})`,
    );
  }
  const places = Math.min(12, Math.max(decimals(from), decimals(step)));
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, k) => Number((from + k * step).toFixed(places)));
}

/** Each parameter's values, in spec order. */
export function gridValues(spec: GridSpec): [string, ParamValue[]][] {
  const entries = Object.entries(spec);
  if (entries.length === 0) throw new BacktestError('bad_request', 'The grid has no parameters');
  return entries.map(([name, values]) => {
    const list = Array.isArray(values)
      ? [...(values as readonly ParamValue[])]
      : rangeValues(name, values as ParamRange);
    if (list.length === 0)
      throw new BacktestError('bad_request', `Grid values for ${name} are empty`);
    return [name, list];
  });
}

/**
 * Every combination of the grid (a cartesian product; the last parameter varies fastest).
 * Throws `BacktestError('bad_request')` for a bad range, an empty list or more than
 * `maxCombinations` combinations.
 */
export function gridFromSpec(spec: GridSpec, maxCombinations = MAX_COMBINATIONS): ParamCombo[] {
  const values = gridValues(spec);
  const total = values.reduce((n, [, list]) => n * list.length, 1);
  if (total > maxCombinations) {
    throw new BacktestError(
      'bad_request',
      `The grid has ${total} combinations; at most ${maxCombinations} are allowed`,
    );
  }
  let combos: ParamCombo[] = [{}];
  for (const [name, list] of values) {
    const next: ParamCombo[] = [];
    for (const combo of combos) for (const value of list) next.push({ ...combo, [name]: value });
    combos = next;
  }
  return combos;
}
