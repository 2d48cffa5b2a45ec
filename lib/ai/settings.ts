/**
 * A user's AI settings: read (key decrypted) for the worker, saved from a validated form, shown
 * without the key. The key is sealed with the process key ring and bound to its row
 * (`ai_settings:<userId>:api_key`), like exchange keys.
 */
import { z } from 'zod';
import { dec, decimalSchema } from '../core/money';
import { getKeyRing } from '../crypto/key-ring';
import { decryptSecret, encryptSecret, type KeyRing } from '../crypto/secret-box';
import { type Db } from '../db/client';
import { findAiSettings, upsertAiSettings } from '../db/queries/ai-settings';
import { getSetting } from '../db/queries/settings';
import { type AiSettingsRow } from '../db/schema';
import { AppError } from '../errors/app-error';
import { currentHostAllowlist } from './providers/guarded-fetch';
import { baseUrlProblem, type HostAllowlist } from './providers/host-allowlist';
import { AI_PROVIDERS, type AiRuntimeSettings } from './types';

export const DEFAULT_AI_TIMEOUT_MS = 20_000;

export const DEFAULT_AI_SETTINGS: AiRuntimeSettings = {
  provider: 'rules',
  model: '',
  apiKey: null,
  baseUrl: null,
  openaiApi: 'chat',
  timeoutMs: DEFAULT_AI_TIMEOUT_MS,
  dailyBudgetUsd: null,
  fallback: 'hold',
};

export const apiKeyAssociatedData = (userId: string) => `ai_settings:${userId}:api_key`;

/** The settings form. `apiKey`: a string sets it, null removes it, absent keeps the stored one. */
export const aiSettingsInputSchema = z.object({
  provider: z.enum(AI_PROVIDERS),
  model: z.string().trim().max(200).default(''),
  apiKey: z.string().trim().min(1).max(500).nullable().optional(),
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'Base URL must be an http(s) URL' })
    .max(500)
    .nullable()
    .default(null),
  openaiApi: z.enum(['chat', 'responses']).default('chat'),
  timeoutMs: z.number().int().min(1000).max(300_000).default(DEFAULT_AI_TIMEOUT_MS),
  dailyBudgetUsd: decimalSchema
    .refine((d) => !d.isNegative(), 'The daily budget cannot be negative')
    .transform((d) => d.toString())
    .nullable()
    .default(null),
  fallback: z.enum(['hold', 'rules']).default('hold'),
});

export type AiSettingsInput = z.input<typeof aiSettingsInputSchema>;

/** Settings as the browser may see them: no key, only whether one is stored. */
export type PublicAiSettings = Omit<AiRuntimeSettings, 'apiKey'> & { hasApiKey: boolean };

function toRuntime(row: AiSettingsRow, apiKey: string | null): AiRuntimeSettings {
  return {
    provider: row.provider,
    model: row.model,
    apiKey,
    baseUrl: row.baseUrl,
    openaiApi: row.openaiApi,
    timeoutMs: row.timeoutMs,
    dailyBudgetUsd: row.dailyBudgetUsd === null ? null : dec(row.dailyBudgetUsd).toString(),
    fallback: row.fallback,
  };
}

/**
 * The user's settings with the key decrypted (defaults when none are saved). A key that cannot
 * be decrypted (e.g. its encryption key was retired) reads as no key: calls then end in a logged
 * hold asking for a key, rather than failing the cycle.
 */
export async function loadAiSettings(
  db: Db,
  userId: string,
  ring?: KeyRing,
): Promise<AiRuntimeSettings> {
  const [row, defaults] = await Promise.all([
    findAiSettings(db, userId),
    getSetting(db, 'ai_defaults'),
  ]);
  // No settings of their own: the admin's default provider and model.
  if (!row) return { ...DEFAULT_AI_SETTINGS, ...defaults };
  let apiKey: string | null = null;
  if (row.apiKeyCiphertext) {
    try {
      apiKey = decryptSecret(
        row.apiKeyCiphertext,
        ring ?? getKeyRing(),
        apiKeyAssociatedData(userId),
      );
    } catch {
      apiKey = null;
    }
  }
  const settings = toRuntime(row, apiKey);
  // A user on the admin's default provider without a model of their own gets the admin's model.
  if (!settings.model && settings.provider === defaults.provider) settings.model = defaults.model;
  return settings;
}

export function toPublicAiSettings(settings: AiRuntimeSettings): PublicAiSettings {
  const { apiKey, ...rest } = settings;
  return { ...rest, hasApiKey: apiKey !== null };
}

/** SSRF guard at save time: a base URL the worker may not reach is a field error. */
function assertBaseUrlAllowed(baseUrl: string | null, allowlist: HostAllowlist): void {
  const problem = baseUrl ? baseUrlProblem(baseUrl, allowlist) : null;
  if (!problem) return;
  const message = `This base URL is not allowed: ${problem} Ask your administrator to allow the host.`;
  throw new AppError('bad_request', message, { baseUrl: [message] });
}

export async function saveAiSettings(
  db: Db,
  userId: string,
  input: AiSettingsInput,
  ring?: KeyRing,
  allowlist: HostAllowlist = currentHostAllowlist(),
): Promise<PublicAiSettings> {
  const parsed = aiSettingsInputSchema.parse(input);
  assertBaseUrlAllowed(parsed.baseUrl, allowlist);
  const existing = await findAiSettings(db, userId);
  const { apiKey, ...values } = parsed;
  const apiKeyCiphertext =
    apiKey === undefined
      ? (existing?.apiKeyCiphertext ?? null)
      : apiKey === null
        ? null
        : encryptSecret(apiKey, ring ?? getKeyRing(), apiKeyAssociatedData(userId));
  const row = await upsertAiSettings(db, userId, { ...values, apiKeyCiphertext });
  return { ...toPublicAiSettings(toRuntime(row, null)), hasApiKey: apiKeyCiphertext !== null };
}
