/**
 * The server actions' input schemas: the same content schemas as the API, also accepting what an
 * HTML form sends (strings for numbers, empty strings for "none", JSON text for parameters).
 */
import { z } from 'zod';
import { aiSettingsInputSchema } from '../ai';
import { createAiStrategyInputSchema, editAiStrategyInputSchema } from '../ai/strategies';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{}`-shaped JSON text → object (anything else is left for the schema to reject). */
function jsonObject(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function normalize(value: unknown, rules: Record<string, (v: unknown) => unknown>): unknown {
  if (!isFields(value)) return value;
  const out: Fields = { ...value };
  for (const [key, rule] of Object.entries(rules)) if (key in out) out[key] = rule(out[key]);
  for (const [key, v] of Object.entries(out)) if (v === undefined) delete out[key];
  return out;
}

const emptyToNull = (v: unknown) => (v === '' ? null : v);
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const numberText = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
const booleanText = (v: unknown) => (v === 'true' || v === 'on' ? true : v === 'false' ? false : v);

const strategyRules = {
  params: jsonObject,
  provider: emptyToNull,
  model: emptyToNull,
  templateId: emptyToUndefined,
  systemPrompt: emptyToUndefined,
  isDefault: booleanText,
  note: emptyToUndefined,
};

export const createStrategyFormSchema = z.preprocess(
  (v) => normalize(v, strategyRules),
  createAiStrategyInputSchema,
);

export const editStrategyFormSchema = z.preprocess(
  (v) => normalize(v, strategyRules),
  editAiStrategyInputSchema.extend({ strategyId: z.uuid('AI strategy not found.') }),
);

/**
 * The AI settings form. An empty key field keeps the stored key; `clearApiKey` removes it.
 */
export const aiSettingsFormSchema = z.preprocess((v) => {
  const out = normalize(v, {
    apiKey: emptyToUndefined,
    baseUrl: emptyToNull,
    dailyBudgetUsd: emptyToNull,
    timeoutMs: numberText,
    model: (m) => (m === null ? '' : m),
  });
  if (isFields(out) && booleanText(out.clearApiKey) === true) out.apiKey = null;
  if (isFields(out)) delete out.clearApiKey;
  return out;
}, aiSettingsInputSchema);
