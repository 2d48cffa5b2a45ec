import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../../test/fake-llm';
import { callWithRepair } from '../call-with-repair';
import { DECISION_OUTPUT_SCHEMA } from '../decision-schema';
import { validBuy } from '../test-fixtures';
import { type DecisionProvider, type ProviderRequest } from '../types';
import { validateDecision, DEFAULT_SANITY_LIMITS } from '../validate-decision';
import { createGeminiProvider } from './gemini-provider';
import { createOpenAiProvider } from './openai-provider';
import { AiProviderError } from './provider-error';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
});

const PRICE = 60_000;
const request = (overrides: Partial<ProviderRequest> = {}): ProviderRequest => ({
  system: 'SYSTEM PROMPT',
  user: 'MARKET STATE',
  schema: DECISION_OUTPUT_SCHEMA,
  model: 'test-model',
  timeoutMs: 2000,
  ...overrides,
});
const sense = { lastPrice: PRICE, hasPosition: false, limits: DEFAULT_SANITY_LIMITS };
const validate = (raw: string, parsed: unknown) => validateDecision(raw, parsed, sense);

const flavors: { name: string; make: () => DecisionProvider; api: string }[] = [
  {
    name: 'OpenAI chat completions',
    api: 'chat',
    make: () => createOpenAiProvider({ apiKey: 'sk-test', baseUrl: `${fake.url}/v1` }),
  },
  {
    name: 'OpenAI Responses API',
    api: 'responses',
    make: () =>
      createOpenAiProvider({ apiKey: 'sk-test', baseUrl: `${fake.url}/v1`, api: 'responses' }),
  },
  {
    name: 'Gemini generateContent',
    api: 'gemini',
    make: () => createGeminiProvider({ apiKey: 'g-test', baseUrl: fake.url }),
  },
];

describe.each(flavors)('$name through the real SDK', ({ make, api }) => {
  it('returns the text, parsed JSON, usage with cached tokens and the model', async () => {
    const decision = validBuy(PRICE);
    fake.script(
      fakeReply.json(decision, {
        usage: { inputTokens: 2400, cachedInputTokens: 1920, outputTokens: 90 },
      }),
    );
    const result = await make()(request());
    expect(result.parsed).toEqual(decision);
    expect(JSON.parse(result.rawText)).toEqual(decision);
    expect(result.usage).toEqual({ inputTokens: 2400, cachedInputTokens: 1920, outputTokens: 90 });
    expect(result.model).toBe('test-model');
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.api).toBe(api);
    expect(sent.model).toBe('test-model');
    const body = JSON.stringify(sent.body);
    expect(body).toContain('SYSTEM PROMPT');
    expect(body).toContain('MARKET STATE');
    expect(body).toContain('"close_below"'); // the JSON schema travelled with the request
  });

  it('counts reasoning/thinking tokens as output', async () => {
    fake.script(
      fakeReply.json(validBuy(PRICE), {
        usage: { inputTokens: 100, outputTokens: 300, reasoningTokens: 200 },
      }),
    );
    expect((await make()(request())).usage.outputTokens).toBe(300);
  });

  it.each([
    [429, 'rate_limited'],
    [500, 'server_error'],
    [503, 'server_error'],
    [401, 'auth'],
  ])('reports HTTP %i as %s after exactly one request (no SDK retries)', async (status, kind) => {
    fake.script(fakeReply.error(status, { retryAfterSeconds: 0 }));
    const error = await make()(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiProviderError);
    expect((error as AiProviderError).kind).toBe(kind);
    expect((error as AiProviderError).status).toBe(status);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out on a slow answer', async () => {
    fake.script(fakeReply.slow(1500, fakeReply.json(validBuy(PRICE))));
    const started = Date.now();
    const error = await make()(request({ timeoutMs: 150 })).catch((e: unknown) => e);
    expect((error as AiProviderError).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('reports a cancelled call as aborted', async () => {
    fake.script(fakeReply.slow(1500, fakeReply.json(validBuy(PRICE))));
    const controller = new AbortController();
    void fake.waitForRequests(1).then(() => controller.abort());
    const error = await make()(request({ signal: controller.signal })).catch((e: unknown) => e);
    expect((error as AiProviderError).kind).toBe('aborted');
  });

  it('repairs malformed JSON once, sending the answer and the errors back', async () => {
    fake.script(
      fakeReply.text('{"action": "buy", "confidence": 70,'),
      fakeReply.json(validBuy(PRICE)),
    );
    const outcome = await callWithRepair(make(), request(), validate);
    expect(outcome.value).toEqual(validBuy(PRICE));
    expect(outcome.calls).toBe(2);
    expect(outcome.failedAttempts).toHaveLength(1);
    expect(outcome.failedAttempts[0]!.errors[0]).toContain('not valid JSON');
    const second = JSON.stringify(fake.requests[1]!.body);
    expect(second).toContain('{\\"action\\": \\"buy\\", \\"confidence\\": 70,');
    expect(second).toContain('rejected by validation');
  });

  it('gives up after one repair (malformed twice: no value, no third call)', async () => {
    fake.script(fakeReply.text('not json'), fakeReply.text('still not json'));
    const outcome = await callWithRepair(make(), request(), validate);
    expect(outcome.value).toBeUndefined();
    expect(outcome.error).toBeUndefined();
    expect(outcome.failedAttempts.map((a) => a.rawText)).toEqual(['not json', 'still not json']);
    expect(fake.requests).toHaveLength(2);
  });

  it('rejects wrong types and out-of-range numbers with field errors', async () => {
    fake.script(
      fakeReply.json({ ...validBuy(PRICE), confidence: 'high', entry: '60000' }),
      fakeReply.json({ ...validBuy(PRICE), confidence: 150 }),
    );
    const outcome = await callWithRepair(make(), request(), validate);
    expect(outcome.value).toBeUndefined();
    const [first, second] = outcome.failedAttempts;
    expect(first!.errors.some((e) => e.startsWith('confidence:'))).toBe(true);
    expect(first!.errors.some((e) => e.startsWith('entry:'))).toBe(true);
    expect(second!.errors).toEqual([expect.stringMatching(/^confidence: .*100/)]);
  });
});

describe('provider keys', () => {
  it('needs a key for hosted OpenAI and for Gemini, not for a custom OpenAI-compatible server', async () => {
    await expect(createOpenAiProvider({ apiKey: null })(request())).rejects.toMatchObject({
      kind: 'no_api_key',
    });
    await expect(
      createGeminiProvider({ apiKey: null, baseUrl: fake.url })(request()),
    ).rejects.toMatchObject({ kind: 'no_api_key' });
    fake.script(fakeReply.json(validBuy(PRICE)));
    const result = await createOpenAiProvider({ apiKey: null, baseUrl: `${fake.url}/v1` })(
      request(),
    );
    expect(result.parsed).toEqual(validBuy(PRICE));
    expect(fake.requests).toHaveLength(1);
  });
});
