import { describe, expect, it } from 'vitest';
import { makeInput } from '../test-fixtures';
import { maxOpenPositionsRule } from './max-open-positions';

describe('max-open-positions rule', () => {
  it('passes under both limits', () => {
    expect(maxOpenPositionsRule.evaluate(makeInput({ counters: { openPositions: 9 } })).ok).toBe(
      true,
    );
  });

  it('fails at the total limit', () => {
    expect(maxOpenPositionsRule.evaluate(makeInput({ counters: { openPositions: 10 } }))).toEqual({
      rule: 'max-open-positions',
      ok: false,
      status: 'failed',
      code: 'MAX_OPEN_POSITIONS',
      message: '10 positions open; the maximum is 10',
      observed: 10,
      limit: 10,
    });
  });

  it('allows one trade at a time per bot by default', () => {
    const input = makeInput({ counters: { openPositions: 1, openPositionsForBot: 1 } });
    expect(maxOpenPositionsRule.evaluate(input)).toEqual({
      rule: 'max-open-positions',
      ok: false,
      status: 'failed',
      code: 'MAX_OPEN_POSITIONS_PER_BOT',
      message: 'This bot has 1 position open; the maximum per bot is 1',
      observed: 1,
      limit: 1,
    });
  });

  it('does not apply the per-bot limit to manual orders', () => {
    const input = makeInput({
      order: { botId: null },
      counters: { openPositions: 3, openPositionsForBot: 3 },
    });
    expect(maxOpenPositionsRule.evaluate(input).ok).toBe(true);
  });

  it('honours a null limit and skips reducing orders', () => {
    const noTotal = makeInput(
      { counters: { openPositions: 50 } },
      { maxOpenPositions: { total: null, perBot: 2 } },
    );
    expect(maxOpenPositionsRule.evaluate(noTotal).ok).toBe(true);
    const reducing = makeInput({
      order: { reducing: true },
      counters: { openPositions: 99, openPositionsForBot: 9 },
    });
    expect(maxOpenPositionsRule.evaluate(reducing)).toMatchObject({ reason: 'reducing-order' });
  });
});
