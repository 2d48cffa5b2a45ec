import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { keyRingFromHex } from '../crypto/secret-box';
import { upsertAiModelPrice } from '../db/queries/ai-settings';
import { aiSettings } from '../db/schema';
import { getModelPrice } from './model-prices';
import { DEFAULT_AI_SETTINGS, loadAiSettings, saveAiSettings } from './settings';
import { createUser } from './test-db-fixtures';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const ring = keyRingFromHex(randomBytes(32).toString('hex'));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('AI settings', () => {
  it('refuses a base URL off the allowlist with a field error and keeps what was stored', async () => {
    const userId = await createUser(t.db);
    await saveAiSettings(t.db, userId, { provider: 'openai', model: 'gpt-4.1-mini' }, ring, []);
    for (const baseUrl of [
      'http://169.254.169.254/latest',
      'http://2130706433:11434/v1',
      'http://api.openai.com@127.0.0.1/v1',
      'http://[::1]:8080/v1',
    ]) {
      const error = await saveAiSettings(
        t.db,
        userId,
        { provider: 'openai', model: 'other', baseUrl },
        ring,
        [],
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'bad_request' });
      expect((error as { fields: Record<string, string[]> }).fields.baseUrl?.[0]).toMatch(
        /^This base URL is not allowed: /,
      );
    }
    expect(await loadAiSettings(t.db, userId, ring)).toMatchObject({
      model: 'gpt-4.1-mini',
      baseUrl: null,
    });
    // The official host, and an allowed local server, are fine.
    await saveAiSettings(
      t.db,
      userId,
      { provider: 'openai', baseUrl: 'https://api.openai.com/v1' },
      ring,
      [],
    );
    const saved = await saveAiSettings(
      t.db,
      userId,
      { provider: 'openai', baseUrl: 'http://localhost:11434/v1' },
      ring,
      [{ host: 'localhost', port: '11434', subdomains: false }],
    );
    expect(saved.baseUrl).toBe('http://localhost:11434/v1');
  });

  it('defaults to the offline rules provider', async () => {
    expect(await loadAiSettings(t.db, await createUser(t.db), ring)).toEqual(DEFAULT_AI_SETTINGS);
  });

  it('stores the API key encrypted, bound to its user, and never shows it', async () => {
    const userId = await createUser(t.db);
    const shown = await saveAiSettings(
      t.db,
      userId,
      {
        provider: 'openai',
        model: 'gpt-4.1-mini',
        apiKey: 'sk-secret-123',
        dailyBudgetUsd: '2.50',
        fallback: 'rules',
      },
      ring,
    );
    expect(shown).toEqual({
      provider: 'openai',
      model: 'gpt-4.1-mini',
      baseUrl: null,
      openaiApi: 'chat',
      timeoutMs: 20_000,
      dailyBudgetUsd: '2.5',
      fallback: 'rules',
      hasApiKey: true,
    });
    const [row] = await t.db.select().from(aiSettings).where(eq(aiSettings.userId, userId));
    expect(row!.apiKeyCiphertext).toMatch(/^v1\./);
    expect(row!.apiKeyCiphertext).not.toContain('sk-secret');
    expect((await loadAiSettings(t.db, userId, ring)).apiKey).toBe('sk-secret-123');

    // Saving without a key keeps it; null removes it.
    await saveAiSettings(
      t.db,
      userId,
      { provider: 'openai', model: 'gpt-4.1', timeoutMs: 5000 },
      ring,
    );
    expect(await loadAiSettings(t.db, userId, ring)).toMatchObject({
      apiKey: 'sk-secret-123',
      model: 'gpt-4.1',
      timeoutMs: 5000,
    });
    await saveAiSettings(t.db, userId, { provider: 'openai', apiKey: null }, ring);
    expect((await loadAiSettings(t.db, userId, ring)).apiKey).toBeNull();

    // A ciphertext copied to another user's row does not decrypt there.
    await saveAiSettings(t.db, userId, { provider: 'openai', apiKey: 'sk-secret-123' }, ring);
    const [sealed] = await t.db.select().from(aiSettings).where(eq(aiSettings.userId, userId));
    const thief = await createUser(t.db, 'thief');
    await saveAiSettings(t.db, thief, { provider: 'openai' }, ring);
    await t.db
      .update(aiSettings)
      .set({ apiKeyCiphertext: sealed!.apiKeyCiphertext })
      .where(eq(aiSettings.userId, thief));
    expect((await loadAiSettings(t.db, thief, ring)).apiKey).toBeNull();
  });

  it('rejects bad input', async () => {
    const userId = await createUser(t.db);
    await expect(
      saveAiSettings(t.db, userId, { provider: 'openai', baseUrl: 'ftp://x' }, ring),
    ).rejects.toThrow();
    await expect(
      saveAiSettings(t.db, userId, { provider: 'openai', dailyBudgetUsd: '-1' }, ring),
    ).rejects.toThrow();
    await expect(
      saveAiSettings(t.db, userId, { provider: 'openai', timeoutMs: 10 }, ring),
    ).rejects.toThrow();
  });
});

describe('model prices', () => {
  it('lets the admin table override and extend the code defaults', async () => {
    expect((await getModelPrice(t.db, 'openai', 'gpt-4.1-mini')).inputPerMTok).toBe('0.4');
    expect((await getModelPrice(t.db, 'openai', 'llama3.1:8b')).inputPerMTok).toBe('0');
    await upsertAiModelPrice(t.db, {
      provider: 'openai',
      model: 'gpt-4.1-mini',
      inputPerMTok: '0.5',
      cachedInputPerMTok: '0.2',
      outputPerMTok: '2',
    });
    await upsertAiModelPrice(t.db, {
      provider: 'openai',
      model: 'llama3.1:8b',
      inputPerMTok: '0.01',
      cachedInputPerMTok: '0',
      outputPerMTok: '0.02',
    });
    expect(
      Number((await getModelPrice(t.db, 'openai', 'gpt-4.1-mini-2025-04-14')).inputPerMTok),
    ).toBe(0.5);
    expect(Number((await getModelPrice(t.db, 'openai', 'llama3.1:8b')).outputPerMTok)).toBe(0.02);
    expect((await getModelPrice(t.db, 'rules', 'rules:simple')).outputPerMTok).toBe('0');
  });
});
