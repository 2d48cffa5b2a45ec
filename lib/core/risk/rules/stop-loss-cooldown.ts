import { formatDuration } from '../format';
import { defineRule, failed, passed } from './rule';

/** After a stop-loss on a symbol, no new position there until the cooldown has passed. */
export const stopLossCooldownRule = defineRule({
  id: 'stop-loss-cooldown',
  policyKey: 'stopLossCooldown',
  check({ context, policy }) {
    const last = context.counters.lastStopLossAt;
    if (last === null) return passed('stop-loss-cooldown');
    const windowMs = policy.stopLossCooldown.minutes * 60_000;
    const elapsed = context.now - last;
    if (elapsed >= windowMs) return passed('stop-loss-cooldown');
    return failed(
      'stop-loss-cooldown',
      'STOP_LOSS_COOLDOWN',
      `${context.order.symbol} hit a stop-loss ${formatDuration(elapsed)} ago; the cooldown is ${formatDuration(windowMs)}`,
      Math.max(0, elapsed),
      windowMs,
    );
  },
});
