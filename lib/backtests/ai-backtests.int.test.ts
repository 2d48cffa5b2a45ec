import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { backtestPass } from '../../worker/jobs/backtests';
import { createAiStrategy, saveAiSettings } from '../ai';
import { type Candle } from '../core/types';
import { keyRingFromHex } from '../crypto/secret-box';
import { upsertCandles } from '../db/queries/candles';
import { insertUser } from '../db/queries/users';
import { aiDecisions, backtests, type AiStrategyVersion, type User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/zod-fields';
import type { TradingDeps } from '../trading/deps';
import { estimateAiBacktest } from './ai-backtest-estimate';
import { backtestRunSchema } from './backtest-input';
import { getBacktestOrThrow, queueBacktest } from './backtests';

const HOUR = 3_600_000;
const NOW = new Date(Date.UTC(2026, 0, 1));
/** First traded bar; 100 warm-up bars are stored before it. */
const FROM = Date.UTC(2025, 5, 1);
const BARS = 60;
const EVERY = 6; // → 10 decision points

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeLlm;
let alice: User;
let bob: User;
let version: AiStrategyVersion;
let deps: Pick<TradingDeps, 'db' | 'now' | 'notify'>;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));
const env = { seed: 'osprey', now: NOW, ring };

const user = (name: string) =>
  insertUser(handle.db, { email: `${randomUUID()}@example.com`, name, passwordHash: 'x' });

/** A gentle wave around 30 000: stops at 29 000 and targets at 31 500 are never reached. */
function candles(from: number, count: number): Candle[] {
  return Array.from({ length: count }, (_, i) => {
    const open = 30_000 + 300 * Math.sin(i / 5);
    const close = 30_000 + 300 * Math.sin((i + 1) / 5);
    return {
      time: from + i * HOUR,
      open,
      high: Math.max(open, close) + 20,
      low: Math.min(open, close) - 20,
      close,
      volume: 10 + (i % 7),
    };
  });
}

const request = (overrides: Record<string, unknown> = {}) =>
  parseOrThrow(backtestRunSchema, {
    strategyId: `ai:${version.id}`,
    symbol: 'BTC/USDT',
    timeframe: '1h',
    source: 'stored',
    from: FROM,
    to: FROM + BARS * HOUR,
    ai: { decisionEveryBars: EVERY, confirmCost: true },
    ...overrides,
  });

const decision = (action: 'buy' | 'hold' | 'close') => ({
  action,
  confidence: 70,
  entry: null,
  stopLoss: action === 'buy' ? 29_000 : null,
  takeProfit: action === 'buy' ? 31_500 : null,
  invalidation: null,
  reasoning: `${action} for the test`,
});
/** In step with the position: a close only while in one (else the answer would be invalid). */
const SCRIPT = [
  'buy',
  'hold',
  'close',
  'buy',
  'hold',
  'hold',
  'close',
  'buy',
  'hold',
  'hold',
] as const;

const tradesHash = (trades: unknown) =>
  createHash('sha256').update(JSON.stringify(trades)).digest('hex');

beforeAll(async () => {
  handle = await createTestDatabase();
  fake = await startFakeLlm();
  alice = await user('Alice');
  bob = await user('Bob');
  deps = { db: handle.db, now: () => NOW, notify: () => Promise.resolve() };
  await saveAiSettings(
    handle.db,
    alice.id,
    {
      provider: 'openai',
      model: 'gpt-4.1-mini',
      apiKey: 'test-key',
      baseUrl: `${fake.url}/v1`,
      timeoutMs: 5000,
    },
    ring,
  );
  ({ version } = await createAiStrategy(handle.db, alice.id, {
    name: 'SMC',
    templateId: 'ict-smc',
  }));
  await upsertCandles(handle.db, {
    venue: 'binance',
    symbol: 'BTC/USDT',
    timeframe: '1h',
    source: 'csv',
    candles: candles(FROM - 200 * HOUR, 200 + BARS),
  });
});
afterAll(async () => {
  await fake.close();
  await handle.drop();
});
beforeEach(() => fake.reset());

describe('AI backtests', () => {
  it('runs through the worker job, then replays from the cache with zero provider calls and identical trades', async () => {
    const first = await estimateAiBacktest(handle.db, alice.id, request(), env);
    expect(first).toMatchObject({
      decisionEveryBars: EVERY,
      decisionPoints: 10,
      cached: 0,
      providerCalls: 10,
      provider: 'openai',
      model: 'gpt-4.1-mini',
      trainingCutoff: '2024-06-01',
      withinCaps: true,
    });
    expect(Number(first.estimatedCostUsd)).toBeGreaterThan(0);

    fake.script(...SCRIPT.map((a) => fakeReply.json(decision(a))));
    const queued = await queueBacktest(handle.db, alice.id, request(), env);
    expect(queued).toMatchObject({ strategyId: 'ai', aiStrategyVersionId: version.id });
    expect(await backtestPass(deps, 'worker-ai', { seed: 'osprey', ai: { ring } })).toEqual([
      'completed',
    ]);
    expect(fake.requests).toHaveLength(10);
    const run = await getBacktestOrThrow(handle.db, alice.id, queued.id);
    expect(run.status).toBe('completed');
    expect(run.tradeCount).toBe(3);
    expect(run.trades!.map((t) => t.exitReason)).toEqual(['signal', 'signal', 'end_of_data']);
    const ledger = await handle.db
      .select()
      .from(aiDecisions)
      .where(eq(aiDecisions.backtestId, run.id));
    expect(ledger).toHaveLength(10);
    expect(
      ledger.every((r) => r.decidedBy === 'provider' && r.strategyVersionId === version.id),
    ).toBe(true);
    const ai = run.stats!.ai as {
      decisions: { action: string; source: string }[];
      split: { after: { tradeCount: number }; before: { tradeCount: number } };
      baseline: { strategyId: string };
    };
    expect(ai).toMatchObject({ decisionPoints: 10, cached: 0, providerCalls: 10 });
    expect(ai.decisions.map((d) => d.action)).toEqual([...SCRIPT]);
    expect(ai.decisions.every((d) => d.source === 'provider')).toBe(true);
    // 2025 candles are after gpt-4.1-mini's cutoff (2024-06-01): every trade is out of sample
    expect(ai.split.after.tradeCount).toBe(3);
    expect(ai.split.before.tradeCount).toBe(0);
    expect(ai.baseline.strategyId).toBe('sma-cross');
    expect(run.buyAndHold).toBeTruthy();

    // The same request again: the estimate sees every prompt cached, the run calls nobody.
    fake.reset();
    const again = await estimateAiBacktest(handle.db, alice.id, request(), env);
    expect(again).toMatchObject({ decisionPoints: 10, cached: 10, providerCalls: 0 });
    expect(again.estimatedCostUsd).toBe('0');
    const second = await queueBacktest(handle.db, alice.id, request(), env);
    expect(await backtestPass(deps, 'worker-ai', { seed: 'osprey', ai: { ring } })).toEqual([
      'completed',
    ]);
    expect(fake.requests).toHaveLength(0);
    const replay = await getBacktestOrThrow(handle.db, alice.id, second.id);
    expect(tradesHash(replay.trades)).toBe(tradesHash(run.trades));
    expect(replay.metrics).toEqual(run.metrics);
    expect((replay.stats!.ai as Record<string, unknown>).cached).toBe(10);
    expect((replay.stats!.ai as Record<string, unknown>).providerCalls).toBe(0);
    const replayRows = await handle.db
      .select()
      .from(aiDecisions)
      .where(eq(aiDecisions.backtestId, second.id));
    expect(replayRows).toHaveLength(0);
  });

  it('stops when the provider gives no answer, and a rerun pays only for what is left', async () => {
    // every 4 bars: 15 points; the first prompt (flat, same candles) was cached by the first test
    const input = request({ ai: { decisionEveryBars: 4, confirmCost: true } });
    fake.script(fakeReply.json(decision('hold')), fakeReply.error(500));
    const failed = await queueBacktest(handle.db, alice.id, input, env);
    expect(await backtestPass(deps, 'worker-ai', { seed: 'osprey', ai: { ring } })).toEqual([
      'failed',
    ]);
    expect(fake.requests).toHaveLength(2);
    const run = await getBacktestOrThrow(handle.db, alice.id, failed.id);
    expect(run.error).toContain('The AI provider gave no decision');
    expect(run.error).toContain('running it again does not pay for them twice');

    fake.reset();
    // The two answered points are cached now; so is any later prompt the first test saw (the
    // cadences share bars every 12, and the state there can be the same): the cache is by prompt.
    const estimate = await estimateAiBacktest(handle.db, alice.id, input, env);
    expect(estimate.decisionPoints).toBe(15);
    expect(estimate.cached).toBeGreaterThanOrEqual(2);
    expect(estimate.cached + estimate.providerCalls).toBe(15);
    fake.script(...Array.from({ length: 15 }, () => fakeReply.json(decision('hold'))));
    const again = await queueBacktest(handle.db, alice.id, input, env);
    expect(await backtestPass(deps, 'worker-ai', { seed: 'osprey', ai: { ring } })).toEqual([
      'completed',
    ]);
    // the misses answered hold, as the estimate assumed: the estimate was exact
    expect(fake.requests).toHaveLength(estimate.providerCalls);
    const done = await getBacktestOrThrow(handle.db, alice.id, again.id);
    expect(done.stats!.ai).toMatchObject({
      decisionPoints: 15,
      cached: estimate.cached,
      providerCalls: estimate.providerCalls,
    });
    expect(done.trades![0]).toMatchObject({ entryIndex: 101 }); // the cached buy at the first point
  });

  it('refuses a run whose estimate is over the cap and queues nothing', async () => {
    const before = await handle.db.select().from(backtests);
    const capped = { ...env, caps: { maxCalls: 3, maxCostUsd: '5' } };
    // a different cadence: new prompts after the first point
    const input = request({ ai: { decisionEveryBars: 5, confirmCost: true } });
    const estimate = await estimateAiBacktest(handle.db, alice.id, input, capped);
    // the first point's prompt (flat, same candles) was answered in the first test
    expect(estimate).toMatchObject({
      withinCaps: false,
      decisionPoints: 12,
      cached: 1,
      providerCalls: 11,
    });
    const error = await queueBacktest(handle.db, alice.id, input, capped).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unprocessable' });
    expect((error as AppError).message).toContain('over the cap of 3');
    const costCapped = { ...env, caps: { maxCalls: 500, maxCostUsd: '0.0001' } };
    await expect(queueBacktest(handle.db, alice.id, input, costCapped)).rejects.toMatchObject({
      code: 'unprocessable',
    });
    expect(await handle.db.select().from(backtests)).toHaveLength(before.length);
    expect(fake.requests).toHaveLength(0);
  });

  it('needs the estimate confirmed before queueing', async () => {
    const input = request({ ai: { decisionEveryBars: EVERY } });
    await expect(queueBacktest(handle.db, alice.id, input, env)).rejects.toMatchObject({
      code: 'bad_request',
      fields: { 'ai.confirmCost': [expect.stringContaining('Confirm the estimate')] },
    });
  });

  it("treats another user's strategy version as not found", async () => {
    const before = await handle.db.select().from(backtests);
    await expect(queueBacktest(handle.db, bob.id, request(), env)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(estimateAiBacktest(handle.db, bob.id, request(), env)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await handle.db.select().from(backtests)).toHaveLength(before.length);
  });

  it('checks AI requests per field', () => {
    const bad = backtestRunSchema.safeParse({
      strategyId: 'ai:not-a-uuid',
      symbol: 'BTC/USDT',
      timeframe: '1h',
      from: FROM,
      to: FROM + BARS * HOUR,
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({
      path: ['strategyId'],
      message: 'Unknown AI strategy version.',
    });
    const several = backtestRunSchema.safeParse({
      strategyId: `ai:${version.id}`,
      symbol: 'BTC/USDT',
      timeframe: '1m',
      from: FROM,
      to: FROM + 10_000 * 60_000,
      options: { maxConcurrent: 2 },
      ai: { decisionEveryBars: 1 },
    });
    expect(several.success).toBe(false);
    expect(several.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'ai.decisionEveryBars',
      'options.maxConcurrent',
    ]);
  });
});
