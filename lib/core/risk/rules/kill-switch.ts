import { failed, passed, type RiskRule } from './rule';

/**
 * Global (admin) and per-user kill switch. The global switch is always enforced, even when the
 * rule is switched off: a user or bot policy cannot override an admin halt. Switching the rule
 * off only makes the user's own switch ignored. Reducing orders pass while halted when
 * `allowReducing` is on (default), so positions can still be closed; with it off nothing passes.
 */
export const killSwitchRule: RiskRule = {
  id: 'kill-switch',
  policyKey: 'killSwitch',
  checksReducing: true,
  evaluate({ context, policy }) {
    const { enabled, allowReducing } = policy.killSwitch;
    const reducingAllowed = context.order.reducing && allowReducing;
    if (context.killSwitch.global) {
      if (reducingAllowed) {
        return passed('kill-switch', 'Global kill switch is on; reducing orders are allowed');
      }
      return failed(
        'kill-switch',
        'KILL_SWITCH_GLOBAL',
        'Trading is halted by the global kill switch',
        'on',
        'off',
      );
    }
    if (context.killSwitch.user && enabled) {
      if (reducingAllowed) {
        return passed('kill-switch', 'Your kill switch is on; reducing orders are allowed');
      }
      return failed(
        'kill-switch',
        'KILL_SWITCH_USER',
        'Trading is halted by your kill switch',
        'on',
        'off',
      );
    }
    if (context.killSwitch.user) {
      return passed('kill-switch', 'Your kill switch is on but the rule is switched off');
    }
    return passed('kill-switch');
  },
};
