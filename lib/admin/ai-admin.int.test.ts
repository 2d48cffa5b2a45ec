import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { decide } from '../ai/decide';
import { loadAiSettings, saveAiSettings } from '../ai/settings';
import { createUser, createVersion, fakeSettings } from '../ai/test-db-fixtures';
import { lastClose, makeContext, validBuy } from '../ai/test-fixtures';
import { dec } from '../core/money';
import { keyRingFromHex } from '../crypto/secret-box';
import { insertUser } from '../db/queries/users';
import { aiModelPrices, systemLogs, type User } from '../db/schema';
import {
  getAiDefaults,
  listPriceTable,
  removeModelPrice,
  setAiDefaults,
  setModelPrice,
} from './ai-prices';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeLlm;
let admin: User;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLlm();
  admin = await insertUser(t.db, {
    email: 'root@example.com',
    name: 'Root',
    passwordHash: 'x',
    role: 'admin',
  });
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});
beforeEach(() => fake.reset());

describe('the admin price table', () => {
  it('prices the next decision with what the admin set, and the built-in price after removal', async () => {
    const userId = await createUser(t.db);
    const version = await createVersion(t.db, userId);
    const context = makeContext();
    const usage = { inputTokens: 2000, cachedInputTokens: 1000, outputTokens: 100 };
    const decideOnce = async () => {
      fake.script(fakeReply.json(validBuy(lastClose(context)), { usage }));
      const { ledgerRow } = await decide(t.db, {
        userId,
        strategyVersion: version,
        settings: fakeSettings(fake.url, { model: 'gpt-4.1-mini' }),
        context,
        now: new Date(),
        useCache: false,
      });
      expect(ledgerRow.decidedBy).toBe('provider');
      return dec(ledgerRow.cost).toString();
    };

    // Built-in list price 0.4 / 0.1 / 1.6: 1000 × 0.4 + 1000 × 0.1 + 100 × 1.6 = 660 per million.
    expect(await decideOnce()).toBe('0.00066');

    const row = await setModelPrice(t.db, admin, {
      provider: 'openai',
      model: 'gpt-4.1-mini',
      inputPerMTok: '1',
      cachedInputPerMTok: '0.5',
      outputPerMTok: '10',
      trainingCutoff: '2024-06-01',
    });
    expect(row).toMatchObject({ source: 'admin', overridesBuiltIn: true, inputPerMTok: '1' });
    // 1000 × 1 + 1000 × 0.5 + 100 × 10 = 2500 per million; the dated variant follows too.
    expect(await decideOnce()).toBe('0.0025');

    const table = await listPriceTable(t.db);
    expect(table.find((r) => r.model === 'gpt-4.1-mini')).toMatchObject({
      source: 'admin',
      outputPerMTok: '10',
      trainingCutoff: '2024-06-01',
    });
    // An admin price for a longer name does not leak into a shorter built-in one, and back.
    expect(table.find((r) => r.model === 'gpt-4.1')).toMatchObject({ source: 'built-in' });

    expect(
      await removeModelPrice(t.db, admin, { provider: 'openai', model: 'gpt-4.1-mini' }),
    ).toEqual({ builtInApplies: true });
    expect(await decideOnce()).toBe('0.00066');
    await expect(
      removeModelPrice(t.db, admin, { provider: 'openai', model: 'gpt-4.1-mini' }),
    ).rejects.toThrow('No admin price for openai:gpt-4.1-mini.');

    const logs = await t.db.select().from(systemLogs).where(eq(systemLogs.source, 'admin'));
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'root@example.com set the price of openai:gpt-4.1-mini to 1 / 0.5 / 10 USD per million tokens (input / cached / output)',
        'root@example.com removed the price of openai:gpt-4.1-mini',
      ]),
    );
  });

  it('adds a model of a local server and rejects bad prices without writing', async () => {
    await setModelPrice(t.db, admin, {
      provider: 'openai',
      model: 'llama3.1:8b',
      inputPerMTok: '0.02',
      cachedInputPerMTok: '0',
      outputPerMTok: '0.05',
    });
    const before = await t.db.select().from(aiModelPrices);
    for (const bad of ['-1', 'abc', '1e3', 'Infinity', '', '20000']) {
      await expect(
        setModelPrice(t.db, admin, {
          provider: 'openai',
          model: 'llama3.1:8b',
          inputPerMTok: bad,
          cachedInputPerMTok: '0',
          outputPerMTok: '0',
        }),
      ).rejects.toThrow(/Input price must be/);
    }
    expect(await t.db.select().from(aiModelPrices)).toEqual(before);
    expect((await listPriceTable(t.db)).find((r) => r.model === 'llama3.1:8b')).toMatchObject({
      source: 'admin',
      overridesBuiltIn: false,
      inputPerMTok: '0.02',
      trainingCutoff: null,
    });
  });
});

describe('the admin AI defaults', () => {
  it('apply to users without settings of their own, and fill an empty model', async () => {
    const fresh = await createUser(t.db, 'fresh');
    const chooser = await createUser(t.db, 'chooser');
    const sameProvider = await createUser(t.db, 'same');
    await saveAiSettings(t.db, chooser, { provider: 'gemini', model: 'gemini-2.5-pro' }, ring);
    await saveAiSettings(t.db, sameProvider, { provider: 'openai', model: '' }, ring);
    expect(await getAiDefaults(t.db)).toEqual({ provider: 'rules', model: '' });
    expect((await loadAiSettings(t.db, fresh, ring)).provider).toBe('rules');

    await setAiDefaults(t.db, admin, { provider: 'openai', model: 'gpt-4.1-nano' });
    expect(await loadAiSettings(t.db, fresh, ring)).toMatchObject({
      provider: 'openai',
      model: 'gpt-4.1-nano',
      apiKey: null,
    });
    expect(await loadAiSettings(t.db, chooser, ring)).toMatchObject({
      provider: 'gemini',
      model: 'gemini-2.5-pro',
    });
    expect((await loadAiSettings(t.db, sameProvider, ring)).model).toBe('gpt-4.1-nano');

    // The rules provider has no model; a bad model name is refused.
    expect(await setAiDefaults(t.db, admin, { provider: 'rules', model: 'x' })).toEqual({
      provider: 'rules',
      model: '',
    });
    await expect(setAiDefaults(t.db, admin, { provider: 'openai', model: 'a b' })).rejects.toThrow(
      /Model names use letters/,
    );
    expect(await getAiDefaults(t.db)).toEqual({ provider: 'rules', model: '' });
  });
});
