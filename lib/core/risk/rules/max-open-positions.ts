import { defineRule, failed, passed } from './rule';

function positions(n: number): string {
  return n === 1 ? '1 position' : `${n} positions`;
}

/**
 * Limits open positions in total and per bot (per bot 1 = one trade at a time). The per-bot
 * limit is not applied to manual orders (no bot id).
 */
export const maxOpenPositionsRule = defineRule({
  id: 'max-open-positions',
  policyKey: 'maxOpenPositions',
  check({ context, policy }) {
    const { total, perBot } = policy.maxOpenPositions;
    const { openPositions, openPositionsForBot } = context.counters;
    if (total !== null && !(openPositions < total)) {
      return failed(
        'max-open-positions',
        'MAX_OPEN_POSITIONS',
        `${positions(openPositions)} open; the maximum is ${total}`,
        openPositions,
        total,
      );
    }
    const botId = context.order.botId;
    if (
      perBot !== null &&
      botId !== null &&
      botId !== undefined &&
      !(openPositionsForBot < perBot)
    ) {
      return failed(
        'max-open-positions',
        'MAX_OPEN_POSITIONS_PER_BOT',
        `This bot has ${positions(openPositionsForBot)} open; the maximum per bot is ${perBot}`,
        openPositionsForBot,
        perBot,
      );
    }
    return passed('max-open-positions');
  },
});
