/** The provider for a kind and settings; `rules` needs the market context it decides on. */
import {
  type AiMarketContext,
  type AiProviderKind,
  type AiRuntimeSettings,
  type DecisionProvider,
} from '../types';
import { createGeminiProvider } from './gemini-provider';
import { createOpenAiProvider } from './openai-provider';
import { createRulesProvider, type RuleSpec } from './rules-provider';

export function createProvider(
  kind: AiProviderKind,
  settings: Pick<AiRuntimeSettings, 'apiKey' | 'baseUrl' | 'openaiApi'>,
  rules?: { spec: RuleSpec; context: AiMarketContext },
): DecisionProvider {
  switch (kind) {
    case 'openai':
      return createOpenAiProvider({
        apiKey: settings.apiKey,
        baseUrl: settings.baseUrl,
        api: settings.openaiApi,
      });
    case 'gemini':
      return createGeminiProvider({ apiKey: settings.apiKey, baseUrl: settings.baseUrl });
    case 'rules':
      if (!rules) throw new Error('The rules provider needs a rule spec and a market context.');
      return createRulesProvider(rules.spec, rules.context);
  }
}
