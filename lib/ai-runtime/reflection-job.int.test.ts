import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { MINUTE } from '../../test/trading/trading-fixture';
import { reflectionPass } from '../../worker/jobs/reflections';
import { getCurrentAiStrategyVersion } from '../ai';
import { keyRingFromHex } from '../crypto/secret-box';
import { aiReflections, aiStrategyVersions } from '../db/schema';
import { createAiBotFixture, insertClosedPosition } from './ai-bot-fixture';
import { acceptReflectionDraft, listReflections } from './reflections';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeLlm;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));
const HOUR = 60 * MINUTE;
const INTERVAL = 2 * HOUR;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLlm();
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});
beforeEach(() => fake.reset());

const NEW_PROMPT =
  'You are a patient trader. Trade only after a confirmed break of structure and a retest; otherwise hold.';
const findings = {
  worked: ['Entries after a BOS and pullback hit their targets.'],
  failed: ['One entry into equal highs stopped out.'],
  suggestions: ['Wait for a retest before entering.'],
  promptChange: { systemPrompt: NEW_PROMPT, rationale: 'Fewer entries into liquidity.' },
};

describe('the reflection job', () => {
  it('reflects once per bot with new closed trades, under one lease, and only drafts a prompt change', async () => {
    const { f, strategy, version, bot } = await createAiBotFixture(t.db, fake.url, ring);
    await insertClosedPosition(t.db, bot, new Date(f.now() - 10 * MINUTE));
    fake.script(fakeReply.json(findings));
    const opts = { intervalMs: INTERVAL, ring };

    // Two workers at once: the lease lets one of them reflect; the bot is reflected once.
    const [a, b] = await Promise.all([
      reflectionPass(f.deps, 'worker-a', opts),
      reflectionPass(f.deps, 'worker-b', opts),
    ]);
    expect(a + b).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const rows = await t.db.select().from(aiReflections).where(eq(aiReflections.botId, bot.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      strategyVersionId: version.id,
      provider: 'openai',
      error: null,
    });
    expect(rows[0]!.findings.worked).toEqual(findings.worked);
    expect(rows[0]!.inputTokens).toBeGreaterThan(100);

    // The suggestion is a draft; the live version is unchanged.
    const [draft] = await t.db
      .select()
      .from(aiStrategyVersions)
      .where(eq(aiStrategyVersions.id, rows[0]!.draftVersionId!));
    expect(draft).toMatchObject({
      status: 'draft',
      systemPrompt: NEW_PROMPT,
      basedOnVersionId: version.id,
    });
    expect(
      (await getCurrentAiStrategyVersion(t.db, { userId: f.user.id, strategyId: strategy.id })).id,
    ).toBe(version.id);

    // Nothing new since: not due again, no call.
    expect(await reflectionPass(f.deps, 'worker-a', opts)).toBe(0);
    // A new trade within the interval: still not due; after the interval: due.
    await insertClosedPosition(t.db, bot, new Date(f.now() + 5 * MINUTE), '-8');
    f.at(f.now() + 30 * MINUTE);
    expect(await reflectionPass(f.deps, 'worker-a', opts)).toBe(0);
    f.at(f.now() + INTERVAL);
    fake.script(fakeReply.json({ ...findings, promptChange: null }));
    expect(await reflectionPass(f.deps, 'worker-b', opts)).toBe(1);
    expect(fake.requests).toHaveLength(2);

    // The user accepts the first reflection's draft: a new active version runs from then on.
    const listed = await listReflections(t.db, f.user.id);
    expect(listed.map((r) => r.draftPending)).toEqual([false, true]);
    const accepted = await acceptReflectionDraft(t.db, f.user.id, rows[0]!.id);
    expect(accepted).toMatchObject({
      status: 'active',
      version: 3,
      systemPrompt: NEW_PROMPT,
      basedOnVersionId: draft!.id,
    });
    expect(
      (await getCurrentAiStrategyVersion(t.db, { userId: f.user.id, strategyId: strategy.id })).id,
    ).toBe(accepted.id);
    expect((await listReflections(t.db, f.user.id)).map((r) => r.draftPending)).toEqual([
      false,
      false,
    ]);
    await expect(acceptReflectionDraft(t.db, f.user.id, rows[0]!.id)).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
