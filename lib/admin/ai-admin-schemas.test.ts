import { describe, expect, it } from 'vitest';
import { aiDefaultsInputSchema, modelPriceInputSchema } from './ai-admin-schemas';

const price = {
  provider: 'openai',
  model: 'gpt-4.1-mini',
  inputPerMTok: '0.4',
  cachedInputPerMTok: '0.1',
  outputPerMTok: '1.6',
};
const messages = (input: unknown) =>
  modelPriceInputSchema
    .safeParse(input)
    .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the model price form', () => {
  it('keeps exact decimal text and an optional cutoff date', () => {
    expect(
      modelPriceInputSchema.parse({ ...price, inputPerMTok: ' 0.40 ', trainingCutoff: '' }),
    ).toEqual({ ...price, inputPerMTok: '0.40', trainingCutoff: null });
    expect(
      modelPriceInputSchema.parse({ ...price, trainingCutoff: '2024-02-29' }).trainingCutoff,
    ).toBe('2024-02-29');
    // Parsing its own output again changes nothing (the action and the use case both parse).
    const once = modelPriceInputSchema.parse(price);
    expect(modelPriceInputSchema.parse(once)).toEqual(once);
  });

  it('names each bad field', () => {
    expect(messages({ ...price, outputPerMTok: '-1' })).toEqual([
      'outputPerMTok: Output price must be a non-negative number of USD per million tokens, e.g. 0.4.',
    ]);
    expect(messages({ ...price, cachedInputPerMTok: 'NaN' })?.[0]).toMatch(/^cachedInputPerMTok/);
    expect(messages({ ...price, trainingCutoff: '2023-02-29' })).toEqual([
      'trainingCutoff: Training cutoff is a date (YYYY-MM-DD) or empty.',
    ]);
    expect(messages({ ...price, model: 'gpt 4' })?.[0]).toMatch(/^model: Model names use/);
    expect(messages({ ...price, provider: 'rules' })?.[0]).toMatch(/rules provider is free/);
  });
});

describe('the AI defaults form', () => {
  it('drops the model of the rules provider', () => {
    expect(aiDefaultsInputSchema.parse({ provider: 'rules', model: 'x' })).toEqual({
      provider: 'rules',
      model: '',
    });
    expect(aiDefaultsInputSchema.parse({ provider: 'gemini' })).toEqual({
      provider: 'gemini',
      model: '',
    });
  });
});
