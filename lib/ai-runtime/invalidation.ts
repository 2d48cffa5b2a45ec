/**
 * The structured invalidation of a decision, checked on each closed candle while its position is
 * open: when the candle closes through the level, the idea behind the trade is void.
 */
import { invalidationSchema, type Invalidation } from '../ai/decision-schema';

/** The invalidation stored in a ledger row's parsed decision, if it has a valid one. */
export function invalidationOf(
  parsed: Record<string, unknown> | null | undefined,
): Invalidation | null {
  const result = invalidationSchema.safeParse(parsed?.invalidation);
  return result.success ? result.data : null;
}

/** True when `close` has closed through the invalidation level. */
export function invalidationHit(invalidation: Invalidation, close: number): boolean {
  if (!Number.isFinite(close)) return false;
  return invalidation.type === 'close_below'
    ? close < invalidation.price
    : close > invalidation.price;
}
