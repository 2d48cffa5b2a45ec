import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { createTradingFixture } from '../../test/trading/trading-fixture';
import { editAiStrategy } from '../ai';
import { keyRingFromHex } from '../crypto/secret-box';
import { orders, signals } from '../db/schema';
import { createAiBotFixture } from './ai-bot-fixture';
import { calibrationOf, getDecisionDetail, listDecisions, versionSummaries } from './decisions';
import { acceptReflectionDraft, listReflections } from './reflections';
import { diffVersions, getAiStrategyOrThrow } from './strategy-versions';
import { tryStrategy } from './try-strategy';

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

const hold = {
  action: 'hold',
  confidence: 40,
  entry: null,
  stopLoss: null,
  takeProfit: null,
  invalidation: null,
  reasoning: 'No structure break yet.',
};

describe('AI use cases and ownership', () => {
  it('"try now" decides on current data and records it without trading; only the owner sees it', async () => {
    const { f, strategy, version } = await createAiBotFixture(t.db, fake.url, ring);
    fake.script(fakeReply.json(hold));
    const result = await tryStrategy(
      f.deps,
      f.user.id,
      strategy.id,
      { symbol: 'btc', timeframe: '1m' },
      { ring },
    );
    expect(result.decision).toEqual(hold);
    expect(result.ledger).toMatchObject({
      botId: null,
      strategyVersionId: version.id,
      action: 'hold',
      symbol: 'BTC/USDT',
      decidedBy: 'provider',
    });
    expect(result.ledger.prompt).toContain('# BTC/USDT 1m');
    expect(result.ledger.inputTokens).toBeGreaterThan(500);
    expect(Number(result.ledger.cost)).toBeGreaterThan(0);
    expect(await t.db.select().from(signals).where(eq(signals.userId, f.user.id))).toHaveLength(0);
    expect(await t.db.select().from(orders).where(eq(orders.userId, f.user.id))).toHaveLength(0);

    // Versions and the diff.
    const { version: v2 } = await editAiStrategy(t.db, f.user.id, strategy.id, {
      systemPrompt: `${version.systemPrompt}\n8. Never trade on weekends.`,
      note: 'weekend rule',
    });
    const diff = await diffVersions(t.db, f.user.id, { from: version.id, to: v2.id });
    expect(diff.prompt.filter((l) => l.op !== 'same')).toEqual([
      { op: 'add', text: '8. Never trade on weekends.' },
    ]);
    expect(
      (await getAiStrategyOrThrow(t.db, f.user.id, strategy.id)).versions.map((v) => v.version),
    ).toEqual([1, 2]);

    // Another user reads nothing of it, and cannot use it.
    const other = await createTradingFixture(t.db);
    const them = other.user.id;
    const notFound = { code: 'not_found' };
    await expect(getDecisionDetail(t.db, them, result.ledger.id)).rejects.toMatchObject(notFound);
    expect(await listDecisions(t.db, them, { limit: 50 })).toEqual([]);
    expect(await listDecisions(t.db, them, { limit: 50, strategyVersionId: version.id })).toEqual(
      [],
    );
    expect(await versionSummaries(t.db, them)).toEqual([]);
    expect(await listReflections(t.db, them)).toEqual([]);
    await expect(getAiStrategyOrThrow(t.db, them, strategy.id)).rejects.toMatchObject(notFound);
    await expect(diffVersions(t.db, them, { from: version.id, to: v2.id })).rejects.toMatchObject(
      notFound,
    );
    await expect(calibrationOf(t.db, them, version.id)).rejects.toMatchObject(notFound);
    await expect(
      tryStrategy(other.deps, them, strategy.id, { symbol: 'btc', timeframe: '1m' }),
    ).rejects.toMatchObject(notFound);
    await expect(
      tryStrategy(other.deps, them, strategy.id, {
        symbol: 'btc',
        timeframe: '1m',
        versionId: version.id,
      }),
    ).rejects.toMatchObject(notFound);
    await expect(acceptReflectionDraft(t.db, them, result.ledger.id)).rejects.toMatchObject(
      notFound,
    );
    expect(fake.requests).toHaveLength(1);

    // The owner still sees their decision.
    expect((await getDecisionDetail(t.db, f.user.id, result.ledger.id)).decision.id).toBe(
      result.ledger.id,
    );
  });
});
