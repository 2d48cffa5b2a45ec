import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { fakeReply, startFakeLlm, type FakeLlm } from '../../test/fake-llm';
import { createTradingFixture, MINUTE, T0 } from '../../test/trading/trading-fixture';
import { saveAiSettings } from '../ai/settings';
import { dec } from '../core/money';
import { keyRingFromHex } from '../crypto/secret-box';
import { latestAiSentiment } from '../db/queries/ai-sentiments';
import { insertUser } from '../db/queries/users';
import { aiSentiments, type User } from '../db/schema';
import { botInputSchema } from '../trading/bot-input';
import { commandBot, createBot } from '../trading/bots';
import { setAiDefaults } from './ai-prices';
import { askMarketSentiment } from './market-sentiment';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let fake: FakeLlm;
let admin: User;
let f: Awaited<ReturnType<typeof createTradingFixture>>;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));

const modelAnswer = {
  overall: 'bullish',
  score: 55,
  summary: 'BTC/USDT trends up above its moving averages with momentum.',
  symbols: [{ symbol: 'BTC/USDT', sentiment: 'bullish', note: 'Higher highs, RSI firm.' }],
};

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLlm();
  admin = await insertUser(t.db, {
    email: 'root@example.com',
    name: 'Root',
    passwordHash: 'x',
    role: 'admin',
  });
  f = await createTradingFixture(t.db, { price: 30000 });
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});
beforeEach(() => fake.reset());

const ask = () => askMarketSentiment(f.deps, admin, { ring });

describe('market sentiment on demand', () => {
  it('refuses with a clear message while no bot runs, storing nothing', async () => {
    await expect(ask()).rejects.toThrow(
      'No bot is running: start a bot to get a summary of its market.',
    );
    expect(await t.db.select().from(aiSentiments)).toEqual([]);
  });

  it('summarises from indicators with the rules provider, offline and free', async () => {
    // A steady climb over two hours of 1m candles.
    for (let i = 0; i <= 120; i++)
      f.feed.setPrice('BTC/USDT', 30000 + i * 15, T0 - (120 - i) * MINUTE + 1000);
    f.at(T0 + 5000);
    const bot = await createBot(
      f.deps,
      f.user.id,
      botInputSchema.parse({
        name: 'Trend',
        symbol: 'btcusdt',
        timeframe: '1m',
        strategyId: 'sma-cross',
        tradeAmount: '100',
      }),
    );
    await commandBot(f.deps, f.user.id, bot.id, 'start');

    const row = await ask();
    expect(row).toMatchObject({
      provider: 'rules',
      model: 'rules:indicators',
      symbols: ['BTC/USDT'],
      error: null,
      inputTokens: 0,
      requestedBy: admin.id,
    });
    expect(dec(row.cost).toString()).toBe('0');
    expect(row.sentiment.overall).toBe('bullish');
    expect(row.sentiment.symbols[0]).toMatchObject({ symbol: 'BTC/USDT', sentiment: 'bullish' });
    expect(row.prompt).toContain('BTC/USDT,1m,100,');
    expect(fake.requests).toHaveLength(0);
    expect((await latestAiSentiment(t.db))?.id).toBe(row.id);
  });

  it('asks the admin default provider through the real SDK and stores tokens and cost', async () => {
    await setAiDefaults(t.db, admin, { provider: 'openai', model: 'gpt-4.1-mini' });
    await saveAiSettings(
      t.db,
      admin.id,
      { provider: 'openai', apiKey: 'sk-admin', baseUrl: `${fake.url}/v1`, timeoutMs: 5000 },
      ring,
    );
    fake.script(
      fakeReply.json(modelAnswer, {
        usage: { inputTokens: 1000, cachedInputTokens: 0, outputTokens: 200 },
      }),
    );
    const row = await ask();
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.model).toBe('gpt-4.1-mini');
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-admin');
    expect(JSON.stringify(fake.requests[0]!.body)).toContain('BTC/USDT,1m,100,');
    expect(row).toMatchObject({
      provider: 'openai',
      model: 'gpt-4.1-mini',
      error: null,
      inputTokens: 1000,
      outputTokens: 200,
      sentiment: modelAnswer,
    });
    // 1000 × 0.4 + 200 × 1.6 = 720 per million tokens.
    expect(dec(row.cost).toString()).toBe('0.00072');
    expect((await latestAiSentiment(t.db))?.id).toBe(row.id);
  });

  it('falls back to the indicator summary on a provider error, saying why', async () => {
    fake.script(fakeReply.error(500), fakeReply.error(500));
    const row = await ask();
    expect(row.provider).toBe('openai');
    expect(row.error).toMatch(/^server_error: OpenAI 500/);
    expect(row.sentiment.overall).toBe('bullish');
    expect(row.sentiment.summary).toMatch(/^Indicator-based summary of 1 symbol/);
  });

  it('falls back without a call when the admin has no key for the default provider', async () => {
    await setAiDefaults(t.db, admin, { provider: 'gemini', model: '' });
    const row = await ask();
    expect(fake.requests).toHaveLength(0);
    expect(row).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash' });
    expect(row.error).toBe('no_api_key: Gemini: no API key is configured.');
    expect(row.sentiment.symbols).toHaveLength(1);
  });

  it('refuses a base URL off the allowlist without reaching it', async () => {
    await setAiDefaults(t.db, admin, { provider: 'openai', model: 'gpt-4.1-mini' });
    const previous = process.env.AI_BASE_URL_ALLOWLIST;
    process.env.AI_BASE_URL_ALLOWLIST = '';
    try {
      const row = await ask();
      expect(row.error).toMatch(
        /^blocked_url: OpenAI: base URL refused: the host 127\.0\.0\.1:\d+/,
      );
    } finally {
      process.env.AI_BASE_URL_ALLOWLIST = previous;
    }
    expect(fake.requests).toHaveLength(0);
  });
});
