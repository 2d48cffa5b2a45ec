/**
 * Training-data cutoffs per model (YYYY-MM-DD), so an AI backtest can label each decision as
 * made on data the model may have seen (before the cutoff) or not (after). Defaults are the
 * providers' published cutoffs; an admin's `ai_model_prices.training_cutoff` wins. A dated model
 * name takes the cutoff of its longest listed prefix, like prices. Unknown models: no cutoff.
 */
import { type Db } from '../db/client';
import { listAiModelPrices } from '../db/queries/ai-settings';
import { lookupModel } from './model-prices';
import { type AiProviderKind } from './types';

export const DEFAULT_TRAINING_CUTOFFS: Readonly<Record<string, string>> = {
  'openai:gpt-4o': '2023-10-01',
  'openai:gpt-4o-mini': '2023-10-01',
  'openai:gpt-4.1': '2024-06-01',
  'openai:gpt-4.1-mini': '2024-06-01',
  'openai:gpt-4.1-nano': '2024-06-01',
  'openai:gpt-5': '2024-09-30',
  'openai:gpt-5-mini': '2024-05-31',
  'openai:gpt-5-nano': '2024-05-31',
  'gemini:gemini-2.5-pro': '2025-01-01',
  'gemini:gemini-2.5-flash': '2025-01-01',
  'gemini:gemini-2.5-flash-lite': '2025-01-01',
  'gemini:gemini-2.0-flash': '2024-08-01',
};

export interface TrainingCutoff {
  /** YYYY-MM-DD, or null when unknown (the `rules` provider, a local model). */
  date: string | null;
  source: 'admin' | 'default' | 'unknown';
}

/** A model's training cutoff: the admin table, then the defaults, else unknown. */
export async function getTrainingCutoff(
  db: Db,
  provider: AiProviderKind,
  model: string,
): Promise<TrainingCutoff> {
  if (provider === 'rules') return { date: null, source: 'unknown' };
  const rows = await listAiModelPrices(db);
  const admin = Object.fromEntries(
    rows
      .filter((r) => r.trainingCutoff)
      .map((r) => [`${r.provider}:${r.model}`, r.trainingCutoff!]),
  );
  const fromAdmin = lookupModel(admin, provider, model);
  if (fromAdmin) return { date: fromAdmin, source: 'admin' };
  const fromDefaults = lookupModel(DEFAULT_TRAINING_CUTOFFS, provider, model);
  return fromDefaults
    ? { date: fromDefaults, source: 'default' }
    : { date: null, source: 'unknown' };
}
