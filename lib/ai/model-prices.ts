/**
 * Prices per million tokens (USD). Defaults are the providers' public list prices (standard
 * tier, prompts under 200k tokens) as of mid-2025; admins override or add models in
 * `ai_model_prices`, which wins over these. A dated model name (`gpt-4o-mini-2024-07-18`) takes
 * the price of its longest listed prefix. Unknown models (e.g. a local server) cost nothing.
 */
import { listAiModelPrices } from '../db/queries/ai-settings';
import { type Db } from '../db/client';
import { type AiProviderKind } from './types';

export interface ModelPrice {
  inputPerMTok: string;
  cachedInputPerMTok: string;
  outputPerMTok: string;
}

type PriceKey = `${AiProviderKind}:${string}`;

const price = (input: string, cached: string, output: string): ModelPrice => ({
  inputPerMTok: input,
  cachedInputPerMTok: cached,
  outputPerMTok: output,
});

export const DEFAULT_MODEL_PRICES: Readonly<Record<PriceKey, ModelPrice>> = {
  'openai:gpt-4o': price('2.5', '1.25', '10'),
  'openai:gpt-4o-mini': price('0.15', '0.075', '0.6'),
  'openai:gpt-4.1': price('2', '0.5', '8'),
  'openai:gpt-4.1-mini': price('0.4', '0.1', '1.6'),
  'openai:gpt-4.1-nano': price('0.1', '0.025', '0.4'),
  'openai:gpt-5': price('1.25', '0.125', '10'),
  'openai:gpt-5-mini': price('0.25', '0.025', '2'),
  'openai:gpt-5-nano': price('0.05', '0.005', '0.4'),
  'gemini:gemini-2.5-pro': price('1.25', '0.125', '10'),
  'gemini:gemini-2.5-flash': price('0.3', '0.03', '2.5'),
  'gemini:gemini-2.5-flash-lite': price('0.1', '0.01', '0.4'),
  'gemini:gemini-2.0-flash': price('0.1', '0.025', '0.4'),
};

export const FREE: ModelPrice = price('0', '0', '0');

/**
 * The entry of `table` (keyed `provider:model`) for a model: its exact name, else the longest
 * key that is a prefix of it ending at a `-` (a dated name). Prices and training cutoffs alike.
 */
export function lookupModel<T>(
  table: Readonly<Record<string, T>>,
  provider: AiProviderKind,
  model: string,
): T | undefined {
  const full = `${provider}:${model}`;
  if (table[full] !== undefined) return table[full];
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (full.startsWith(`${key}-`) && (!best || key.length > best.length)) best = key;
  }
  return best ? table[best] : undefined;
}

/**
 * Price of a model from the code defaults overlaid with the admin table (an admin row replaces
 * the default of the same name), by exact name or longest prefix, else free. Read on every call,
 * so an edit applies to the next decision.
 */
export async function getModelPrice(
  db: Db,
  provider: AiProviderKind,
  model: string,
): Promise<ModelPrice> {
  if (provider === 'rules') return FREE;
  const rows = await listAiModelPrices(db);
  const table: Record<string, ModelPrice> = { ...DEFAULT_MODEL_PRICES };
  for (const r of rows) table[`${r.provider}:${r.model}`] = r;
  return lookupModel(table, provider, model) ?? FREE;
}
