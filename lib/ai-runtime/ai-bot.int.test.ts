import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { MINUTE, T0 } from '../../test/trading/trading-fixture';
import { runDueBotCycles } from '../../worker/jobs/bot-cycles';
import { keyRingFromHex } from '../crypto/secret-box';
import { aiDecisions, bots, orders, positions, signals, type Bot } from '../db/schema';
import { isPaperExchange } from '../trading/exchange-registry';
import { monitorExits } from '../trading/monitor-exits';
import { createAiBotFixture } from './ai-bot-fixture';
import { type createAiDecider } from './create-ai-decider';
import { calibrationOf, getDecisionDetail, listDecisions, versionSummaries } from './decisions';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeLlm;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});
beforeEach(() => fake.reset());

const aiBotFixture = () => createAiBotFixture(t.db, fake.url, ring);

const buy = {
  action: 'buy',
  confidence: 74,
  entry: 30000,
  stopLoss: 29700,
  takeProfit: 30600,
  invalidation: { type: 'close_below', price: 29800, text: 'Close below the last swing low.' },
  reasoning: 'Bullish BOS with a pullback into an open FVG; RSI turning up.',
};
const hold = {
  ...buy,
  action: 'hold',
  entry: null,
  stopLoss: null,
  takeProfit: null,
  invalidation: null,
  reasoning: 'Let the plan work.',
};

async function cycle(
  f: { deps: Parameters<typeof runDueBotCycles>[0] },
  decider: ReturnType<typeof createAiDecider>,
) {
  return runDueBotCycles(f.deps, 'worker-ai', { batch: 10, concurrency: 1, aiDecider: decider });
}

async function signalsOf(bot: Bot) {
  return t.db.select().from(signals).where(eq(signals.botId, bot.id));
}

describe('a paper bot with an AI strategy', () => {
  it('trades through the fake LLM: ledger row, signal, order, protected position, outcome', async () => {
    const { f, version, bot, decider } = await aiBotFixture();
    fake.script(fakeReply.json(buy));
    expect(await cycle(f, decider)).toBe(1);

    // Exactly one provider call, and one ledger row with everything the AI log shows.
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.api).toBe('chat');
    const rows = await t.db.select().from(aiDecisions).where(eq(aiDecisions.userId, f.user.id));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      botId: bot.id,
      strategyVersionId: version.id,
      provider: 'openai',
      model: 'gpt-4.1-mini',
      decidedBy: 'provider',
      action: 'buy',
      confidence: 74,
      error: null,
      symbol: 'BTC/USDT',
      timeframe: '1m',
    });
    expect(row.prompt).toContain('# BTC/USDT 1m');
    expect(JSON.parse(row.rawResponse!)).toEqual(buy);
    expect(row.inputTokens).toBeGreaterThan(500);
    expect(row.outputTokens).toBeGreaterThan(10);
    expect(Number(row.cost)).toBeGreaterThan(0);

    // The decision became a signal carrying its id, an entry order and a protected position.
    const [signal] = await signalsOf(bot);
    expect(signal).toMatchObject({
      source: 'ai',
      action: 'buy',
      status: 'executed',
      aiDecisionId: row.id,
      confidence: 74,
    });
    expect(Number(signal!.stopLoss)).toBe(29700);
    expect(Number(signal!.takeProfit)).toBe(30600);
    const [entry] = await t.db
      .select()
      .from(orders)
      .where(and(eq(orders.signalId, signal!.id), eq(orders.role, 'entry')));
    expect(entry).toMatchObject({ status: 'filled', source: 'ai' });
    const [position] = await t.db.select().from(positions).where(eq(positions.botId, bot.id));
    expect(position).toMatchObject({
      status: 'open',
      protection: 'native_oco',
      signalId: signal!.id,
    });
    expect(Number(position!.stopLoss)).toBe(29700);
    expect(Number(position!.takeProfit)).toBe(30600);

    // The cycle's hook links the ledger row to what it led to.
    await decider.afterSignal(signal!.id);
    const [linked] = await t.db.select().from(aiDecisions).where(eq(aiDecisions.id, row.id));
    expect(linked).toMatchObject({
      signalId: signal!.id,
      orderId: entry!.id,
      positionId: position!.id,
    });

    // The target is hit: the position closes on take-profit, and the decision shows the outcome.
    f.at(T0 + 3 * MINUTE, 30700);
    const exchange = await f.deps.exchangeFor(f.account);
    if (isPaperExchange(exchange)) await exchange.matchOpenOrders(f.now());
    const report = await monitorExits(f.deps, f.account, exchange);
    expect(report.closed).toEqual([{ positionId: position!.id, reason: 'take_profit' }]);

    const detail = await getDecisionDetail(t.db, f.user.id, row.id);
    expect(detail.decision.prompt).toBe(row.prompt);
    expect(detail.signal?.id).toBe(signal!.id);
    expect(detail.orders.map((o) => o.role).sort()).toEqual(['entry', 'stop_loss', 'take_profit']);
    expect(detail.outcome).toMatchObject({
      positionId: position!.id,
      status: 'closed',
      exitReason: 'take_profit',
    });
    expect(Number(detail.outcome!.realizedPnl)).toBeGreaterThan(5);

    const [listed] = await listDecisions(t.db, f.user.id, { limit: 10, action: 'buy' });
    expect(listed).toMatchObject({
      id: row.id,
      reasoning: buy.reasoning,
      outcome: { exitReason: 'take_profit' },
    });
    expect(listed).not.toHaveProperty('prompt');
    const [summary] = await versionSummaries(t.db, f.user.id);
    expect(summary).toMatchObject({
      strategyVersionId: version.id,
      strategyName: 'SMC',
      version: 1,
      decisions: 1,
      trades: 1,
      wins: 1,
      winRatePct: 100,
    });
    expect(summary!.costPctOfGross).toBeGreaterThan(0);
    const calibration = await calibrationOf(t.db, f.user.id, version.id);
    expect(calibration.samples).toBe(1);
    expect(calibration.brierScore).toBeCloseTo((1 - 0.74) ** 2, 10);
  });

  it("closes the position when a closed candle breaks the decision's invalidation", async () => {
    const { f, bot, decider } = await aiBotFixture();
    fake.script(fakeReply.json(buy));
    await cycle(f, decider);
    const [position] = await t.db.select().from(positions).where(eq(positions.botId, bot.id));
    expect(position?.status).toBe('open');

    // Next slot: the last closed 1m candle closes at 29,790 (below 29,800, above the stop).
    f.at(T0 + 60_000 + 30_000, 29790);
    f.at(T0 + 2 * MINUTE + 5_000);
    // The schedule runs on the DB's clock: make the next slot due on the fixture's clock.
    await t.db
      .update(bots)
      .set({ nextCycleAt: new Date(f.now()), lastAnalysisAt: null })
      .where(eq(bots.id, bot.id));
    fake.script(fakeReply.json(hold));
    expect(await cycle(f, decider)).toBe(1);
    expect(fake.requests).toHaveLength(2);
    // The earlier decision was linked by the decider's sweep before it decided again.
    const ledger = await t.db
      .select()
      .from(aiDecisions)
      .where(eq(aiDecisions.botId, bot.id))
      .orderBy(aiDecisions.createdAt);
    expect(ledger.map((r) => r.action)).toEqual(['buy', 'hold']);
    expect(ledger[0]!.positionId).toBe(position!.id);

    const closeSignal = (await signalsOf(bot)).find((s) => s.action === 'close');
    expect(closeSignal).toMatchObject({ status: 'executed', aiDecisionId: ledger[1]!.id });
    expect(closeSignal!.reasoning).toMatch(
      /^Invalidated: Close below the last swing low\. \(close 29790 < 29800\)/,
    );
    const [closed] = await t.db.select().from(positions).where(eq(positions.id, position!.id));
    expect(closed).toMatchObject({ status: 'closed', exitReason: 'signal' });
  });

  it('holds without trading when the model answers garbage twice (the ledger records why)', async () => {
    const { f, bot, decider } = await aiBotFixture();
    fake.script(fakeReply.text('not json'), fakeReply.text('{"action": "buy"'));
    await cycle(f, decider);
    expect(await signalsOf(bot)).toHaveLength(0);
    const [row] = await t.db.select().from(aiDecisions).where(eq(aiDecisions.botId, bot.id));
    expect(row).toMatchObject({ action: 'hold', decidedBy: 'hold_fallback', providerCalls: 2 });
    expect(row!.error).toMatch(/^invalid_output/);
  });
});
