import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import {
  findUserAiDecision,
  linkAiDecision,
  listAiDecisions,
  summarizeAiDecisionsByVersion,
} from '../db/queries/ai-decisions';
import { exchangeAccounts, positions } from '../db/schema';
import { decide } from './decide';
import { versionCalibration } from './version-calibration';
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

describe('the AI decision log', () => {
  it('shows a user only their own decisions, with filters and a per-version summary', async () => {
    const alice = await createUser(t.db, 'alice');
    const bob = await createUser(t.db, 'bob');
    const version = await createVersion(t.db, alice);
    const bobVersion = await createVersion(t.db, bob);
    const context = makeContext();
    const at = (minute: number) => new Date(Date.UTC(2025, 0, 14, 8, minute));
    fake.script(
      fakeReply.json(validBuy(lastClose(context)), {
        usage: { inputTokens: 1000, outputTokens: 100 },
      }),
      fakeReply.error(429),
      fakeReply.json(validBuy(lastClose(context))),
    );
    const run = (userId: string, v: typeof version, minute: number) =>
      decide(t.db, {
        userId,
        strategyVersion: v,
        settings: fakeSettings(fake.url),
        context,
        now: at(minute),
        useCache: false,
      });
    const buy = await run(alice, version, 1);
    const hold = await run(alice, version, 2);
    const bobs = await run(bob, bobVersion, 3);

    expect((await listAiDecisions(t.db, { userId: alice })).map((r) => r.id)).toEqual([
      hold.ledgerRow.id,
      buy.ledgerRow.id,
    ]);
    expect((await listAiDecisions(t.db, { userId: bob })).map((r) => r.id)).toEqual([
      bobs.ledgerRow.id,
    ]);
    expect(await findUserAiDecision(t.db, { userId: bob, id: buy.ledgerRow.id })).toBeUndefined();
    expect((await findUserAiDecision(t.db, { userId: alice, id: buy.ledgerRow.id }))?.id).toBe(
      buy.ledgerRow.id,
    );

    const ids = async (filters: Omit<Parameters<typeof listAiDecisions>[1], 'userId'>) =>
      (await listAiDecisions(t.db, { userId: alice, ...filters })).map((r) => r.id);
    expect(await ids({ valid: false })).toEqual([hold.ledgerRow.id]);
    expect(await ids({ valid: true })).toEqual([buy.ledgerRow.id]);
    expect(await ids({ action: 'buy' })).toEqual([buy.ledgerRow.id]);
    expect(await ids({ provider: 'gemini' })).toEqual([]);
    expect(await ids({ strategyVersionId: bobVersion.id })).toEqual([]);
    expect(await ids({ from: at(2) })).toEqual([hold.ledgerRow.id]);
    expect(await ids({ before: at(2) })).toEqual([buy.ledgerRow.id]);

    expect(
      await linkAiDecision(t.db, { userId: bob, id: buy.ledgerRow.id, signalId: bobVersion.id }),
    ).toBe(false);
    const [summary] = await summarizeAiDecisionsByVersion(t.db, { userId: alice });
    expect(summary).toMatchObject({
      strategyVersionId: version.id,
      decisions: 2,
      invalid: 1,
      cacheHits: 0,
      trades: 0,
    });
    expect(Number(summary!.aiCost)).toBeCloseTo((1000 * 0.4 + 100 * 1.6) / 1e6, 12);
  });

  it('joins decisions to the positions they opened: trades, P&L and calibration', async () => {
    const userId = await createUser(t.db, 'carol');
    const version = await createVersion(t.db, userId);
    const [account] = await t.db
      .insert(exchangeAccounts)
      .values({ userId, venue: 'paper', label: 'Paper' })
      .returning();
    const context = makeContext();
    const price = lastClose(context);
    const outcomes = [
      { confidence: 80, exitReason: 'take_profit' as const, pnl: '12.5' },
      { confidence: 60, exitReason: 'stop_loss' as const, pnl: '-5.25' },
      { confidence: 70, exitReason: null, pnl: null },
    ];
    for (const [i, o] of outcomes.entries()) {
      fake.script(fakeReply.json(validBuy(price, { confidence: o.confidence })));
      const { ledgerRow } = await decide(t.db, {
        userId,
        strategyVersion: version,
        settings: fakeSettings(fake.url),
        context,
        now: new Date(Date.UTC(2025, 0, 15, 8, i)),
        useCache: false,
      });
      const [position] = await t.db
        .insert(positions)
        .values({
          userId,
          exchangeAccountId: account!.id,
          symbol: 'BTC/USDT',
          quantity: '0.01',
          entryPrice: String(price),
          entryCost: '600',
          protection: 'emulated',
          status: o.exitReason ? 'closed' : 'open',
          exitReason: o.exitReason,
          realizedPnl: o.pnl,
        })
        .returning();
      expect(
        await linkAiDecision(t.db, { userId, id: ledgerRow.id, positionId: position!.id }),
      ).toBe(true);
    }
    const [summary] = await summarizeAiDecisionsByVersion(t.db, { userId });
    expect(summary).toMatchObject({ decisions: 3, trades: 2, wins: 1 });
    expect(Number(summary!.realizedPnl)).toBe(7.25);
    expect(Number(summary!.grossProfit)).toBe(12.5);
    const calibration = await versionCalibration(t.db, { userId, strategyVersionId: version.id });
    expect(calibration.samples).toBe(2);
    expect(calibration.brierScore).toBeCloseTo(((0.8 - 1) ** 2 + 0.6 ** 2) / 2, 12);
  });
});
