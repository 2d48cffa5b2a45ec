/** Which provider and model a strategy version runs with: its override, else the user's settings. */
import { type AiStrategyVersion } from '../db/schema';
import { type AiStrategyParams } from './strategy-params';
import { type AiProviderKind, type AiRuntimeSettings } from './types';

export const DEFAULT_MODELS: Record<AiProviderKind, string> = {
  openai: 'gpt-4.1-mini',
  gemini: 'gemini-2.5-flash',
  rules: 'rules',
};

export function resolveModel(
  version: Pick<AiStrategyVersion, 'provider' | 'model'>,
  settings: Pick<AiRuntimeSettings, 'provider' | 'model'>,
  params: AiStrategyParams,
): { kind: AiProviderKind; model: string } {
  const kind = version.provider ?? settings.provider;
  if (kind === 'rules') return { kind, model: `rules:${params.rules.id}` };
  // The user's model belongs to the user's provider; a version that switches provider without
  // naming a model gets that provider's default.
  const model =
    version.model || (kind === settings.provider ? settings.model : '') || DEFAULT_MODELS[kind];
  return { kind, model };
}
