import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { dec } from '../core/money';
import { insertAiDecision } from '../db/queries/ai-decisions';
import { aiDecisions, type AiDecisionRow, type AiStrategyVersion } from '../db/schema';
import { decide, type DecideInput } from './decide';
import { holdDecision, type AiDecision } from './decision-schema';
import { createUser, createVersion, fakeSettings } from './test-db-fixtures';
import { lastClose, makeContext, validBuy } from './test-fixtures';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeLlm;
beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

const NOW = new Date('2025-01-14T08:00:05Z');
const context = makeContext();
const PRICE = lastClose(context);
let userId: string;
let version: AiStrategyVersion;

beforeEach(async () => {
  fake.reset();
  userId = await createUser(t.db);
  version = await createVersion(t.db, userId);
});

const input = (overrides: Partial<DecideInput> = {}): DecideInput => ({
  userId,
  botId: null,
  strategyVersion: version,
  settings: fakeSettings(fake.url),
  context,
  now: NOW,
  ...overrides,
});

async function rowsOf(user: string): Promise<AiDecisionRow[]> {
  return t.db.select().from(aiDecisions).where(eq(aiDecisions.userId, user));
}

/** Runs `decide` and checks the one row it must write: every field present and consistent. */
async function decideOnce(overrides: Partial<DecideInput> = {}) {
  const before = (await rowsOf(overrides.userId ?? userId)).length;
  const result = await decide(t.db, input(overrides));
  const rows = await rowsOf(overrides.userId ?? userId);
  expect(rows).toHaveLength(before + 1);
  const row = result.ledgerRow;
  expect(rows.find((r) => r.id === row.id)).toEqual(row);
  expect(row.strategyVersionId).toBe((overrides.strategyVersion ?? version).id);
  expect(row.symbol).toBe('BTC/USDT');
  expect(row.timeframe).toBe('1h');
  expect(row.prompt).toMatch(/^\[system\]\n[\s\S]+\n\n\[user\]\n# BTC\/USDT 1h/);
  expect(row.cacheKey).toMatch(/^[0-9a-f]{64}$/);
  expect(row.estimatedInputTokens).toBeGreaterThan(1000);
  expect(row.parsed).toEqual(result.decision);
  expect(row.action).toBe(result.decision.action);
  expect(row.confidence).toBe(Math.round(result.decision.confidence));
  expect(row.createdAt.toISOString()).toBe((overrides.now ?? NOW).toISOString());
  expect(dec(row.cost).isNegative()).toBe(false);
  for (const n of [
    row.inputTokens,
    row.cachedInputTokens,
    row.outputTokens,
    row.latencyMs,
    row.providerCalls,
  ]) {
    expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
  expect(row.cacheHit).toBe(row.decidedBy === 'cache');
  expect(row.error === null).toBe(row.decidedBy === 'provider' || row.decidedBy === 'cache');
  return result;
}

const isHold = (d: AiDecision) => d.action === 'hold' && d.confidence === 0 && d.entry === null;

describe('decide', () => {
  it('returns a valid provider decision and records prompt, answer, tokens, cost and latency', async () => {
    const answer = validBuy(PRICE);
    fake.script(
      fakeReply.json(answer, {
        usage: { inputTokens: 2500, cachedInputTokens: 2048, outputTokens: 120 },
      }),
    );
    const { decision, ledgerRow: row } = await decideOnce({
      botId: '7d0c3c4e-1f59-4a51-9d35-7d3a3c0b8a11',
    });
    expect(decision).toEqual(answer);
    expect(row).toMatchObject({
      botId: '7d0c3c4e-1f59-4a51-9d35-7d3a3c0b8a11',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      decidedBy: 'provider',
      rawResponse: JSON.stringify(answer),
      validationErrors: null,
      inputTokens: 2500,
      cachedInputTokens: 2048,
      outputTokens: 120,
      providerCalls: 1,
      error: null,
      action: 'buy',
      confidence: 72,
    });
    // (452 × 0.4 + 2048 × 0.1 + 120 × 1.6) / 1e6 at gpt-4.1-mini's default prices
    expect(dec(row.cost).eq('0.0005776')).toBe(true);
    const sent = fake.requests[0]!;
    const messages = sent.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(row.prompt).toBe(`[system]\n${messages[0]!.content}\n\n[user]\n${messages[1]!.content}`);
    expect(messages[0]!.content.startsWith(version.systemPrompt)).toBe(true);
  });

  it('works through Gemini too', async () => {
    fake.script(
      fakeReply.json(validBuy(PRICE), { usage: { inputTokens: 2000, outputTokens: 100 } }),
    );
    const { decision, ledgerRow } = await decideOnce({
      settings: fakeSettings(fake.url, { provider: 'gemini' }),
    });
    expect(decision).toEqual(validBuy(PRICE));
    expect(ledgerRow).toMatchObject({
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      inputTokens: 2000,
      outputTokens: 100,
    });
    expect(fake.requests[0]!.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
  });

  it('repairs one malformed answer and records the failed attempt', async () => {
    fake.script(
      fakeReply.text('{"action":"buy"', { usage: { inputTokens: 2000, outputTokens: 10 } }),
      fakeReply.json(validBuy(PRICE), { usage: { inputTokens: 2100, outputTokens: 100 } }),
    );
    const { decision, ledgerRow: row } = await decideOnce();
    expect(decision).toEqual(validBuy(PRICE));
    expect(row).toMatchObject({
      decidedBy: 'provider',
      providerCalls: 2,
      inputTokens: 4100,
      outputTokens: 110,
      error: null,
    });
    expect(row.validationErrors).toEqual([
      {
        attempt: 1,
        rawText: '{"action":"buy"',
        errors: [expect.stringContaining('not valid JSON')],
      },
    ]);
  });

  it('holds after a second malformed answer, with both attempts logged', async () => {
    fake.script(fakeReply.text('nope'), fakeReply.json({ ...validBuy(PRICE), confidence: 'very' }));
    const { decision, ledgerRow: row } = await decideOnce({
      settings: fakeSettings(fake.url, { fallback: 'rules' }),
    });
    expect(isHold(decision)).toBe(true);
    expect(fake.requests).toHaveLength(2);
    expect(row.decidedBy).toBe('hold_fallback');
    expect(row.error).toMatch(/^invalid_output: confidence:/);
    expect(row.validationErrors).toHaveLength(2);
    expect(row.rawResponse).toContain('"confidence":"very"');
  });

  it('holds on an out-of-range or nonsensical answer that stays wrong', async () => {
    fake.script(
      fakeReply.json({ ...validBuy(PRICE), confidence: 140 }),
      fakeReply.json({ ...validBuy(PRICE), stopLoss: PRICE * 1.01 }),
    );
    const { decision, ledgerRow: row } = await decideOnce();
    expect(isHold(decision)).toBe(true);
    expect(row.error).toMatch(/^invalid_output: stopLoss: must be below the entry/);
  });

  it.each([
    ['429', fakeReply.error(429), 'rate_limited'],
    ['500', fakeReply.error(500), 'server_error'],
    ['a slow answer', fakeReply.slow(1500, fakeReply.json(validBuy(60_000))), 'timeout'],
  ])('holds on %s (never a trade)', async (_label, step, code) => {
    fake.script(step);
    const { decision, ledgerRow: row } = await decideOnce({
      settings: fakeSettings(fake.url, { timeoutMs: 200 }),
    });
    expect(isHold(decision)).toBe(true);
    expect(row.decidedBy).toBe('hold_fallback');
    expect(row.error).toMatch(new RegExp(`^${code}: `));
    expect(row.providerCalls).toBe(1);
    expect(row.rawResponse).toBeNull();
  });

  it('uses the rules strategy instead when the user chose that fallback', async () => {
    fake.script(fakeReply.error(503));
    const { decision, ledgerRow: row } = await decideOnce({
      settings: fakeSettings(fake.url, { fallback: 'rules' }),
    });
    expect(row.decidedBy).toBe('rules_fallback');
    expect(row.error).toMatch(/^server_error: /);
    expect(decision.reasoning.startsWith('[rules:simple] ')).toBe(true);
  });

  it('does not fall back to rules when the call was cancelled', async () => {
    fake.script(fakeReply.slow(1500, fakeReply.json(validBuy(PRICE))));
    const controller = new AbortController();
    void fake.waitForRequests(1).then(() => controller.abort());
    const { decision, ledgerRow: row } = await decideOnce({
      signal: controller.signal,
      settings: fakeSettings(fake.url, { fallback: 'rules' }),
    });
    expect(isHold(decision)).toBe(true);
    expect(row.error).toMatch(/^aborted: /);
  });

  it('makes no provider call once the daily budget is spent, and logs the hold', async () => {
    const settings = fakeSettings(fake.url, { dailyBudgetUsd: '0.05' });
    const spend = (createdAt: Date, cost: string) =>
      insertAiDecision(t.db, {
        userId,
        provider: 'openai',
        model: 'gpt-4.1-mini',
        decidedBy: 'provider',
        prompt: 'p',
        cacheKey: 'k',
        action: 'hold',
        cost,
        createdAt,
      });
    await spend(new Date('2025-01-13T23:59:59Z'), '1'); // yesterday: does not count
    await spend(new Date('2025-01-14T00:00:00Z'), '0.0499');
    const { decision, ledgerRow: row } = await decideOnce({ settings });
    expect(fake.requests).toHaveLength(0);
    expect(isHold(decision)).toBe(true);
    expect(row).toMatchObject({ decidedBy: 'hold_fallback', providerCalls: 0, inputTokens: 0 });
    expect(row.error).toMatch(
      /^budget_exhausted: the daily AI budget of 0\.05 USD is spent \(0\.0499 USD today\)/,
    );
    expect(dec(row.cost).isZero()).toBe(true);

    // The next UTC day has a fresh budget.
    fake.script(fakeReply.json(validBuy(PRICE)));
    const tomorrow = await decideOnce({ settings, now: new Date('2025-01-15T00:00:01Z') });
    expect(tomorrow.ledgerRow.decidedBy).toBe('provider');
    expect(fake.requests).toHaveLength(1);
  });

  it('replays a cached decision byte-identically with no provider call and no cost', async () => {
    const answer = validBuy(PRICE, {
      confidence: 72.5,
      entry: PRICE + 0.1 + 0.2,
      reasoning: 'Ünïcode — "quoted" \\ reasoning.',
    });
    fake.script(fakeReply.json(answer, { usage: { inputTokens: 2000, outputTokens: 100 } }));
    const first = await decideOnce();
    const replay = await decideOnce({ now: new Date('2025-01-14T09:00:00Z') });
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(replay.decision)).toBe(JSON.stringify(first.decision));
    expect(JSON.stringify(replay.decision)).toBe(JSON.stringify(answer));
    expect(replay.ledgerRow).toMatchObject({
      decidedBy: 'cache',
      cacheHit: true,
      cacheKey: first.ledgerRow.cacheKey,
      rawResponse: first.ledgerRow.rawResponse,
      providerCalls: 0,
      inputTokens: 0,
      outputTokens: 0,
      error: null,
    });
    expect(dec(replay.ledgerRow.cost).isZero()).toBe(true);

    // Another user, or a fresh look with the cache off, calls the provider.
    fake.script(fakeReply.json(answer), fakeReply.json(answer));
    const other = await createUser(t.db, 'other');
    const otherVersion = await createVersion(t.db, other);
    await decideOnce({
      userId: other,
      strategyVersion: { ...otherVersion, systemPrompt: version.systemPrompt },
    });
    await decideOnce({ useCache: false });
    expect(fake.requests).toHaveLength(3);
  });

  it('never caches failures', async () => {
    fake.script(fakeReply.error(500), fakeReply.json(validBuy(PRICE)));
    expect((await decideOnce()).ledgerRow.decidedBy).toBe('hold_fallback');
    expect((await decideOnce()).ledgerRow.decidedBy).toBe('provider');
    expect(fake.requests).toHaveLength(2);
  });

  it('runs the rules provider offline when chosen, at no cost', async () => {
    const rulesVersion = await createVersion(t.db, userId, {
      name: 'rules',
      provider: 'rules',
      params: { rules: { id: 'sma-cross' } },
    });
    const { decision, ledgerRow: row } = await decideOnce({
      strategyVersion: rulesVersion,
      settings: fakeSettings(fake.url, { dailyBudgetUsd: '0' }),
    });
    expect(fake.requests).toHaveLength(0);
    expect(row).toMatchObject({
      provider: 'rules',
      model: 'rules:sma-cross',
      decidedBy: 'provider',
      providerCalls: 1,
    });
    expect(row.rawResponse).toBe(JSON.stringify(decision));
    expect(dec(row.cost).isZero()).toBe(true);
  });

  it('holds without a call when the stored params are invalid', async () => {
    const { decision, ledgerRow: row } = await decideOnce({
      strategyVersion: { ...version, params: { candleRows: 'many' } },
    });
    expect(isHold(decision)).toBe(true);
    expect(row.error).toMatch(/^invalid_params: .*candleRows/);
    expect(fake.requests).toHaveLength(0);
  });

  it('holds with a clear error when no API key is set', async () => {
    const { ledgerRow: row } = await decideOnce({
      settings: fakeSettings(fake.url, { provider: 'gemini', apiKey: null }),
    });
    expect(row.error).toMatch(/^no_api_key: /);
    expect(fake.requests).toHaveLength(0);
  });

  it('still writes its row when the context cannot be turned into a prompt', async () => {
    const bad = { ...context, timeframe: '7m' as typeof context.timeframe };
    const { decision, ledgerRow: row } = await decide(t.db, input({ context: bad }));
    expect(isHold(decision)).toBe(true);
    expect(row.error).toMatch(/^invalid_context: /);
    expect(row.timeframe).toBe('7m');
    expect(fake.requests).toHaveLength(0);
    expect(await rowsOf(userId)).toHaveLength(1);
  });

  it('writes exactly one row per call under concurrency', async () => {
    fake.script(...Array.from({ length: 6 }, () => fakeReply.json(holdDecision('Flat market.'))));
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        decide(t.db, input({ useCache: false, now: new Date(NOW.getTime() + i) })),
      ),
    );
    const [count] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(aiDecisions)
      .where(eq(aiDecisions.userId, userId));
    expect(count!.n).toBe(6);
  });
});
