import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { dec } from '../core/money';
import { listAiReflections } from '../db/queries/ai-reflections';
import { decide } from './decide';
import { decisionsForReflection, reflect, type ReflectInput } from './reflect';
import { getCurrentAiStrategyVersion, listAiStrategies } from './strategies';
import { createUser, createVersion, fakeSettings } from './test-db-fixtures';
import { makeContext, makeTrades } from './test-fixtures';

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
beforeEach(() => {
  fake.reset();
});

const NOW = new Date('2025-01-20T12:00:00Z');
const NEW_PROMPT =
  'Trade only after a confirmed bullish BOS and a retrace into an open FVG; stop below the swing low.';
const findings = {
  worked: ['Take-profits hit in 10 of 15 trades.'],
  failed: ['Stops too tight in high volatility (5 stop-outs).'],
  suggestions: ['Require 1.5 ATR stops when volatility is high.'],
};

async function setup() {
  const userId = await createUser(t.db);
  const version = await createVersion(t.db, userId);
  const input = (overrides: Partial<ReflectInput> = {}): ReflectInput => ({
    userId,
    strategyVersion: version,
    settings: fakeSettings(fake.url),
    trades: makeTrades(),
    decisions: [
      {
        time: NOW.getTime() - 3_600_000,
        action: 'buy',
        confidence: 70,
        reasoning: 'BOS up',
        exitReason: 'stop_loss',
        pnlPct: -1,
      },
    ],
    now: NOW,
    ...overrides,
  });
  return { userId, version, input };
}

describe('reflect', () => {
  it('stores findings and turns a suggested prompt into a draft, never a live change', async () => {
    const { userId, version, input } = await setup();
    fake.script(
      fakeReply.json(
        { ...findings, promptChange: { systemPrompt: NEW_PROMPT, rationale: 'Fewer stop-outs.' } },
        { usage: { inputTokens: 3000, outputTokens: 400 } },
      ),
    );
    const { reflection, draft } = await reflect(t.db, input());
    expect(draft).toMatchObject({
      status: 'draft',
      systemPrompt: NEW_PROMPT,
      basedOnVersionId: version.id,
      version: 2,
    });
    expect(reflection).toMatchObject({
      userId,
      strategyVersionId: version.id,
      draftVersionId: draft!.id,
      provider: 'openai',
      inputTokens: 3000,
      outputTokens: 400,
      error: null,
    });
    expect(reflection.findings).toMatchObject({
      ...findings,
      promptChange: { rationale: 'Fewer stop-outs.' },
    });
    expect(reflection.findings.metrics).toMatchObject({ trades: 15 });
    expect(dec(reflection.cost).eq('0.00184')).toBe(true); // 3000 × 0.4 + 400 × 1.6 per M
    const sent = JSON.stringify(fake.requests[0]!.body);
    expect(sent).toContain('Current strategy prompt');
    expect(sent).toContain('BOS up');

    // The live version is unchanged, and decisions keep using it.
    expect(
      (await getCurrentAiStrategyVersion(t.db, { userId, strategyId: version.strategyId })).id,
    ).toBe(version.id);
    fake.script(
      fakeReply.json({
        action: 'hold',
        confidence: 0,
        entry: null,
        stopLoss: null,
        takeProfit: null,
        invalidation: null,
        reasoning: 'Wait.',
      }),
    );
    const current = await getCurrentAiStrategyVersion(t.db, {
      userId,
      strategyId: version.strategyId,
    });
    const { ledgerRow } = await decide(t.db, {
      userId,
      strategyVersion: current,
      settings: fakeSettings(fake.url),
      context: makeContext(),
      now: NOW,
    });
    expect(ledgerRow.prompt).not.toContain(NEW_PROMPT);
    expect(ledgerRow.strategyVersionId).toBe(version.id);
    const [listed] = await listAiStrategies(t.db, userId);
    expect(listed!.pendingDrafts.map((d) => d.id)).toEqual([draft!.id]);
  });

  it('creates no draft when the model suggests no prompt change', async () => {
    const { userId, input } = await setup();
    fake.script(fakeReply.json({ ...findings, promptChange: null }));
    const { reflection, draft } = await reflect(t.db, input());
    expect(draft).toBeNull();
    expect(reflection.draftVersionId).toBeNull();
    expect((await listAiStrategies(t.db, userId))[0]!.versions).toHaveLength(1);
  });

  it('records the error and makes no draft when the answer stays invalid', async () => {
    const { userId, input } = await setup();
    fake.script(fakeReply.text('I think you did well!'), fakeReply.json({ worked: 'yes' }));
    const { reflection, draft } = await reflect(t.db, input());
    expect(draft).toBeNull();
    expect(reflection.error).toMatch(/^invalid_output: /);
    expect(reflection.findings).toMatchObject({
      worked: [],
      failed: [],
      suggestions: [],
      promptChange: null,
    });
    expect(fake.requests).toHaveLength(2);
    expect((await listAiReflections(t.db, { userId })).map((r) => r.id)).toEqual([reflection.id]);
  });

  it('makes no call when the budget is spent', async () => {
    const { input } = await setup();
    const { reflection } = await reflect(
      t.db,
      input({ settings: fakeSettings(fake.url, { dailyBudgetUsd: '0.001' }) }),
    );
    expect(fake.requests).toHaveLength(0);
    expect(reflection.error).toMatch(/^budget_exhausted: /);
  });

  it('reflects from the metrics alone with the rules provider', async () => {
    const { input } = await setup();
    const { reflection, draft } = await reflect(
      t.db,
      input({ settings: { ...fakeSettings(fake.url), provider: 'rules' } }),
    );
    expect(fake.requests).toHaveLength(0);
    expect(draft).toBeNull();
    expect(reflection.provider).toBe('rules');
    expect(reflection.findings.worked).toContain('Win rate 66.7% over 15 trades.');
  });

  it('reads ledger rows as reflection input', async () => {
    const { userId, version } = await setup();
    fake.script(fakeReply.error(500));
    const { ledgerRow } = await decide(t.db, {
      userId,
      strategyVersion: version,
      settings: fakeSettings(fake.url),
      context: makeContext(),
      now: NOW,
    });
    expect(decisionsForReflection([ledgerRow])).toEqual([
      {
        time: NOW.getTime(),
        action: 'hold',
        confidence: 0,
        reasoning: expect.stringContaining('Hold: OpenAI 500'),
      },
    ]);
  });
});
