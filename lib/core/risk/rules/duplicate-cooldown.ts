import { formatDuration } from '../format';
import { defineRule, failed, passed } from './rule';

/**
 * Rejects a second order on the same symbol and side within the window: catches double
 * deliveries and bots firing twice. Measured from the last order's time; a time in the future
 * (clock skew) counts as inside the window.
 */
export const duplicateCooldownRule = defineRule({
  id: 'duplicate-cooldown',
  policyKey: 'duplicateCooldown',
  check({ context, policy }) {
    const last = context.counters.lastOrderAt;
    if (last === null) return passed('duplicate-cooldown');
    const windowMs = policy.duplicateCooldown.seconds * 1000;
    const elapsed = context.now - last;
    if (elapsed >= windowMs) return passed('duplicate-cooldown');
    const { side, symbol } = context.order;
    return failed(
      'duplicate-cooldown',
      'DUPLICATE_WITHIN_COOLDOWN',
      `A ${side} order on ${symbol} was placed ${formatDuration(elapsed)} ago; wait ${formatDuration(windowMs)} between orders on the same symbol and side`,
      Math.max(0, elapsed),
      windowMs,
    );
  },
});
