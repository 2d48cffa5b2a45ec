import { describe, expect, it } from 'vitest';
import { aiStrategyParamsSchema } from '../strategy-params';
import { makeContext, T0 } from '../test-fixtures';
import { buildPrompt } from './build-prompt';
import { AI_STRATEGY_TEMPLATES } from './templates';

const HOUR = 3_600_000;

function promptFor(templateId: string, overrides: Parameters<typeof makeContext>[0] = {}) {
  const template = AI_STRATEGY_TEMPLATES.find((t) => t.id === templateId)!;
  return buildPrompt({
    systemPrompt: template.systemPrompt,
    params: aiStrategyParamsSchema.parse(template.params),
    context: makeContext(overrides),
  });
}

describe('buildPrompt', () => {
  it('keeps every built-in template under 5,000 input tokens with a full context', () => {
    for (const template of AI_STRATEGY_TEMPLATES) {
      const prompt = promptFor(template.id, {
        position: {
          side: 'buy',
          entryPrice: 61_000,
          quantity: 0.015,
          entryTime: T0 + 190 * HOUR,
          stopLoss: 60_100,
          takeProfit: 63_000,
          invalidation: {
            type: 'close_below',
            price: 60_300,
            text: 'Close below the protected swing low.',
          },
        },
      });
      expect(prompt.estimatedInputTokens, template.id).toBeLessThan(5000);
      expect(prompt.estimatedInputTokens, template.id).toBeGreaterThan(1000);
    }
  });

  it('matches the snapshot of the ICT/SMC prompt', () => {
    const prompt = promptFor('ict-smc');
    expect(prompt.estimatedInputTokens).toMatchSnapshot('estimated tokens');
    expect(prompt.system).toMatchSnapshot('system');
    expect(prompt.user).toMatchSnapshot('user');
  });

  it('keeps the system part identical when only the market moves (prompt-cache prefix)', () => {
    const a = promptFor('conservative-scalp');
    const b = promptFor('conservative-scalp', { balance: { asset: 'USDT', free: 5, total: 900 } });
    expect(b.system).toBe(a.system);
    expect(b.user).not.toBe(a.user);
  });

  it('asks for more caution after a poor record', () => {
    const losses = makeContext().closedTrades.map((t) => ({
      ...t,
      pnl: -5,
      pnlPct: -0.5,
      exitReason: 'stop_loss' as const,
    }));
    expect(promptFor('ict-smc', { closedTrades: losses }).user).toContain(
      'recent results are poor',
    );
    expect(promptFor('ict-smc').user).toContain('recent results are acceptable');
    expect(promptFor('ict-smc', { closedTrades: [] }).user).toContain('no closed trades yet');
  });

  it('shows the configured number of candle rows, newest last', () => {
    const prompt = promptFor('conservative-scalp');
    const table = prompt.user.split('## Candles (last 30)\n')[1]!.split('\n\n')[0]!;
    const rows = table.split('\n');
    expect(rows).toHaveLength(31);
    expect(rows[30]!.startsWith('01-14 07:00,')).toBe(true);
  });
});
