import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { createTradingFixture } from '../../test/trading/trading-fixture';
import { createAiStrategy, createDraftVersion, editAiStrategy, saveAiSettings } from '../ai';
import { keyRingFromHex } from '../crypto/secret-box';
import { bots } from '../db/schema';
import { botInputSchema, botPatchSchema } from '../trading/bot-input';
import { createBot, editBot } from '../trading/bots';
import { aiStrategyOptions, botStrategyLabels, checkAiBotStrategy } from './ai-bot-strategy';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function fieldOf(promise: Promise<unknown>) {
  const error = (await promise.catch((e: unknown) => e)) as {
    code?: string;
    fields?: Record<string, string[]>;
  };
  expect(error.code).toBe('bad_request');
  return error.fields;
}

describe('AI strategies in the bot form', () => {
  it('offers the user’s runnable versions and stores an AI bot with its pinned version', async () => {
    const f = await createTradingFixture(t.db);
    const other = await createTradingFixture(t.db);
    await saveAiSettings(t.db, f.user.id, { provider: 'openai', model: 'gpt-4.1-mini' }, ring);
    const { strategy, version: v1 } = await createAiStrategy(t.db, f.user.id, {
      name: 'SMC',
      templateId: 'ict-smc',
    });
    const { version: v2 } = await editAiStrategy(t.db, f.user.id, strategy.id, {
      model: 'gpt-4.1',
      note: 'Bigger model',
    });
    const draft = await createDraftVersion(t.db, {
      userId: f.user.id,
      basedOnVersionId: v2.id,
      systemPrompt: 'A reflected prompt that has not been accepted yet.',
      note: 'draft',
    });
    const { strategy: foreign } = await createAiStrategy(t.db, other.user.id, {
      name: 'Theirs',
      templateId: 'ict-smc',
    });

    const options = await aiStrategyOptions(t.db, f.user.id, {
      provider: 'openai',
      model: 'gpt-4.1-mini',
    });
    expect(options).toEqual([
      {
        id: strategy.id,
        name: 'SMC',
        isDefault: expect.any(Boolean) as boolean,
        versions: [
          { id: v2.id, version: 2, provider: 'openai', model: 'gpt-4.1', note: 'Bigger model' },
          {
            id: v1.id,
            version: 1,
            provider: 'openai',
            model: 'gpt-4.1-mini',
            note: 'From template ict-smc',
          },
        ],
      },
    ]);

    await checkAiBotStrategy(t.db, f.user.id, { strategyId: strategy.id });
    await checkAiBotStrategy(t.db, f.user.id, {
      strategyId: strategy.id,
      strategyVersionId: v1.id,
    });
    expect(await fieldOf(checkAiBotStrategy(t.db, f.user.id, { strategyId: foreign.id }))).toEqual({
      strategyId: ['Choose one of your AI strategies.'],
    });
    expect(await fieldOf(checkAiBotStrategy(t.db, f.user.id, { strategyId: 'sma-cross' }))).toEqual(
      { strategyId: ['Choose one of your AI strategies.'] },
    );
    expect(
      await fieldOf(
        checkAiBotStrategy(t.db, f.user.id, {
          strategyId: strategy.id,
          strategyVersionId: draft.id,
        }),
      ),
    ).toEqual({ strategyVersionId: ['A draft version cannot run; accept it first.'] });
    expect(
      await fieldOf(
        checkAiBotStrategy(t.db, other.user.id, {
          strategyId: foreign.id,
          strategyVersionId: v1.id,
        }),
      ),
    ).toEqual({ strategyVersionId: ['Choose a version of this strategy, or the latest.'] });

    // Every way in (form action, POST /api/bots) goes through createBot, which checks too.
    const foreignBot = botInputSchema.parse({
      name: 'Not mine',
      symbol: 'btcusdt',
      timeframe: '5m',
      strategyKind: 'ai',
      strategyId: foreign.id,
      strategyParams: {},
      tradeAmount: '100',
    });
    expect(await fieldOf(createBot(f.deps, f.user.id, foreignBot))).toEqual({
      strategyId: ['Choose one of your AI strategies.'],
    });
    expect(await t.db.select().from(bots).where(eq(bots.name, 'Not mine'))).toEqual([]);

    const bot = await createBot(
      f.deps,
      f.user.id,
      botInputSchema.parse({
        name: 'Pinned AI bot',
        symbol: 'btcusdt',
        timeframe: '5m',
        strategyKind: 'ai',
        strategyId: strategy.id,
        strategyVersionId: v1.id,
        strategyParams: {},
        tradeAmount: '100',
      }),
    );
    const [row] = await t.db.select().from(bots).where(eq(bots.id, bot.id));
    expect(row).toMatchObject({
      strategyKind: 'ai',
      strategyId: strategy.id,
      strategyVersionId: v1.id,
      timeframe: '5m',
    });

    // A partial edit changes only what it names: the AI strategy and timeframe stay.
    await editBot(f.deps, f.user.id, bot.id, botPatchSchema.parse({ name: 'Renamed' }));
    const [edited] = await t.db.select().from(bots).where(eq(bots.id, bot.id));
    expect(edited).toMatchObject({
      name: 'Renamed',
      strategyKind: 'ai',
      strategyVersionId: v1.id,
      timeframe: '5m',
    });

    expect(
      await fieldOf(
        editBot(
          f.deps,
          f.user.id,
          bot.id,
          botPatchSchema.parse({ strategyKind: 'ai', strategyId: foreign.id }),
        ),
      ),
    ).toEqual({ strategyId: ['Choose one of your AI strategies.'] });

    expect(await botStrategyLabels(t.db, f.user.id, [edited!])).toEqual({
      [bot.id]: 'AI: SMC (v1)',
    });
  });
});
