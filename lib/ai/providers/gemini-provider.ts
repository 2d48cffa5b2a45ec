/**
 * Gemini through Google's `@google/genai` SDK, with a JSON response schema. `baseUrl` overrides
 * the endpoint (`httpOptions.baseUrl`; tests point it at the loopback fake). No SDK retries: a 429
 * or 5xx becomes a hold at once.
 */
import { GoogleGenAI, type Content } from '@google/genai';
import { type DecisionProvider, type ProviderRequest, type ProviderResult } from '../types';
import { currentHostAllowlist, guardedFetch } from './guarded-fetch';
import { baseUrlProblem, type HostAllowlist } from './host-allowlist';
import { AiProviderError, createDeadline, toProviderError } from './provider-error';
import { repairMessage, tryParseJson } from './repair-message';

export interface GeminiProviderOptions {
  apiKey: string | null;
  baseUrl?: string | null;
  /** Hosts a base URL may point at (default: `AI_BASE_URL_ALLOWLIST`). */
  allowlist?: HostAllowlist;
}

function contents(request: ProviderRequest): Content[] {
  const list: Content[] = [{ role: 'user', parts: [{ text: request.user }] }];
  if (request.repair) {
    list.push({ role: 'model', parts: [{ text: request.repair.previousText }] });
    list.push({ role: 'user', parts: [{ text: repairMessage(request.repair.errors) }] });
  }
  return list;
}

export function createGeminiProvider(options: GeminiProviderOptions): DecisionProvider {
  return async (request): Promise<ProviderResult> => {
    if (!options.apiKey)
      throw new AiProviderError('no_api_key', 'Gemini: no API key is configured.');
    const allowlist = options.allowlist ?? currentHostAllowlist();
    const problem = options.baseUrl ? baseUrlProblem(options.baseUrl, allowlist) : null;
    if (problem) throw new AiProviderError('blocked_url', `Gemini: base URL refused: ${problem}`);
    const client = new GoogleGenAI({
      apiKey: options.apiKey,
      httpOptions: {
        fetch: guardedFetch(allowlist, 'Gemini'),
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      },
    });
    const deadline = createDeadline(request.timeoutMs, request.signal);
    const started = performance.now();
    try {
      const response = await client.models.generateContent({
        model: request.model,
        contents: contents(request),
        config: {
          systemInstruction: request.system,
          responseMimeType: 'application/json',
          responseJsonSchema: request.schema.jsonSchema,
          abortSignal: deadline.signal,
          httpOptions: { timeout: request.timeoutMs },
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.maxOutputTokens !== undefined
            ? { maxOutputTokens: request.maxOutputTokens }
            : {}),
        },
      });
      const rawText = response.text ?? '';
      const usage = response.usageMetadata;
      return {
        rawText,
        parsed: tryParseJson(rawText),
        model: response.modelVersion ?? request.model,
        latencyMs: Math.round(performance.now() - started),
        usage: {
          inputTokens: usage?.promptTokenCount ?? 0,
          cachedInputTokens: usage?.cachedContentTokenCount ?? 0,
          // Thinking tokens are billed as output but reported apart from the candidates.
          outputTokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
        },
      };
    } catch (error) {
      throw toProviderError(error, deadline, 'Gemini');
    } finally {
      deadline.clear();
    }
  };
}
