import { describe, expect, it } from 'vitest';
import {
  aiSettingsFormSchema,
  createStrategyFormSchema,
  editStrategyFormSchema,
} from './form-schemas';

function form(fields: Record<string, string>): Record<string, string> {
  return fields;
}

describe('AI form schemas', () => {
  it('reads the settings form: numbers from text, empty fields as none, empty key keeps the key', () => {
    const parsed = aiSettingsFormSchema.parse(
      form({
        provider: 'openai',
        model: 'gpt-4.1-mini',
        apiKey: '',
        baseUrl: '',
        timeoutMs: '15000',
        dailyBudgetUsd: '',
        fallback: 'rules',
      }),
    );
    expect(parsed).toEqual({
      provider: 'openai',
      model: 'gpt-4.1-mini',
      baseUrl: null,
      openaiApi: 'chat',
      timeoutMs: 15000,
      dailyBudgetUsd: null,
      fallback: 'rules',
    });
    expect('apiKey' in parsed).toBe(false);
  });

  it('sets, clears and validates the key and budget', () => {
    expect(
      aiSettingsFormSchema.parse({ provider: 'gemini', apiKey: 'k-1', dailyBudgetUsd: '2.50' }),
    ).toMatchObject({ apiKey: 'k-1', dailyBudgetUsd: '2.5' });
    expect(
      aiSettingsFormSchema.parse({ provider: 'openai', apiKey: 'ignored', clearApiKey: 'on' })
        .apiKey,
    ).toBeNull();
    expect(aiSettingsFormSchema.safeParse({ provider: 'openai', timeoutMs: '50' }).success).toBe(
      false,
    );
    expect(
      aiSettingsFormSchema.safeParse({ provider: 'openai', dailyBudgetUsd: '-1' }).success,
    ).toBe(false);
    expect(aiSettingsFormSchema.safeParse({ provider: 'openai', baseUrl: 'ftp://x' }).success).toBe(
      false,
    );
  });

  it('reads strategy forms: JSON params, empty overrides as none, the strategy id on edits', () => {
    expect(
      createStrategyFormSchema.parse(
        form({
          name: 'Scalp',
          templateId: 'scalp',
          provider: '',
          model: '',
          params: '{"candleRows":40}',
          isDefault: 'true',
        }),
      ),
    ).toMatchObject({
      name: 'Scalp',
      templateId: 'scalp',
      provider: null,
      model: null,
      params: { candleRows: 40 },
      isDefault: true,
    });
    expect(editStrategyFormSchema.safeParse({ name: 'X' }).success).toBe(false);
    expect(
      editStrategyFormSchema.safeParse({
        strategyId: '00000000-0000-4000-8000-000000000000',
        params: 'not json',
      }).success,
    ).toBe(false);
  });
});
