/** Database helpers for the AI layer's integration tests. */
import { randomUUID } from 'node:crypto';
import { type Db } from '../db/client';
import { users } from '../db/schema';
import { createAiStrategy, type CreateAiStrategyInput } from './strategies';
import { type AiRuntimeSettings } from './types';
import { DEFAULT_AI_SETTINGS } from './settings';

export async function createUser(db: Db, name = 'trader'): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `${name}-${randomUUID()}@example.com`, name, passwordHash: 'x' })
    .returning({ id: users.id });
  return user!.id;
}

export async function createVersion(
  db: Db,
  userId: string,
  input: Partial<CreateAiStrategyInput> = {},
) {
  const { version } = await createAiStrategy(db, userId, {
    name: 'Test strategy',
    templateId: 'ict-smc',
    ...input,
  });
  return version;
}

/** Settings pointing a provider at the fake LLM server. */
export function fakeSettings(
  fakeUrl: string,
  overrides: Partial<AiRuntimeSettings> = {},
): AiRuntimeSettings {
  const provider = overrides.provider ?? 'openai';
  return {
    ...DEFAULT_AI_SETTINGS,
    provider,
    model: provider === 'gemini' ? 'gemini-2.5-flash' : 'gpt-4.1-mini',
    apiKey: 'test-key',
    baseUrl: provider === 'gemini' ? fakeUrl : `${fakeUrl}/v1`,
    timeoutMs: 2000,
    ...overrides,
  };
}
