import { Decimal, type DecimalInput } from '../money';
import { type Side } from '../types';

/** A rounded value in the three forms callers need. */
export interface Rounded {
  value: number;
  /** Exact, with as many decimals as the step (e.g. step 0.001 → "0.120"). */
  text: string;
  decimal: Decimal;
}

/** Decimal places of a step: 0.001 → 3, 0.5 → 1, 10 → 0. */
export function stepDecimals(step: Decimal): number {
  const text = step.toString();
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** `value` (already a multiple of `step`) in the three forms. */
export function onStep(value: Decimal, step: Decimal): Rounded {
  const text = value.toFixed(stepDecimals(step), 'down');
  return { value: Number(text), text, decimal: value };
}

/**
 * Largest multiple of `step` not above `quantity`, in exact decimal arithmetic: 0.3 with step 0.1
 * is 3 steps (a float division gives 2.9999… and would lose one). Numbers are read through their
 * shortest round-trip string, so the result as a number never exceeds the number passed in.
 */
export function roundQuantityDown(quantity: DecimalInput, step: DecimalInput): Rounded {
  const s = Decimal.from(step);
  return onStep(Decimal.from(quantity).roundToStep(s, 'floor'), s);
}

/**
 * Price on the tick, toward the conservative side for the order: a buy rounds down (never pays
 * more than asked), a sell rounds up (never sells for less). The same direction keeps a stop on
 * the far side of the entry (a long's stop below rounds down, a short's above rounds up).
 */
export function roundPriceToTick(price: DecimalInput, tick: DecimalInput, side: Side): Rounded {
  const t = Decimal.from(tick);
  return onStep(Decimal.from(price).roundToStep(t, side === 'buy' ? 'floor' : 'ceil'), t);
}
