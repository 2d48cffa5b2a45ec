/**
 * OpenAI through the official SDK. `baseUrl` points it at any OpenAI-compatible server (local or
 * hosted); `api` picks chat completions (widest compatibility) or the Responses API. Output is
 * constrained by a strict JSON schema. The SDK's own retries are off: a 429 or 5xx is reported
 * at once and becomes a hold (the next cycle is the retry).
 */
import OpenAI from 'openai';
import {
  type DecisionProvider,
  type OpenAiApi,
  type ProviderRequest,
  type ProviderResult,
} from '../types';
import { currentHostAllowlist, guardedFetch } from './guarded-fetch';
import { baseUrlProblem, type HostAllowlist } from './host-allowlist';
import { AiProviderError, createDeadline, toProviderError } from './provider-error';
import { repairMessage, tryParseJson } from './repair-message';

export interface OpenAiProviderOptions {
  apiKey: string | null;
  baseUrl?: string | null;
  api?: OpenAiApi;
  /** Hosts a base URL may point at (default: `AI_BASE_URL_ALLOWLIST`). */
  allowlist?: HostAllowlist;
}

type Turn = { role: 'user' | 'assistant'; content: string };

function turns(request: ProviderRequest): Turn[] {
  const list: Turn[] = [{ role: 'user', content: request.user }];
  if (request.repair) {
    list.push({ role: 'assistant', content: request.repair.previousText });
    list.push({ role: 'user', content: repairMessage(request.repair.errors) });
  }
  return list;
}

async function viaChat(client: OpenAI, request: ProviderRequest, signal: AbortSignal) {
  const completion = await client.chat.completions.create(
    {
      model: request.model,
      messages: [{ role: 'system', content: request.system }, ...turns(request)],
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.schema.name, schema: request.schema.jsonSchema, strict: true },
      },
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxOutputTokens !== undefined
        ? { max_completion_tokens: request.maxOutputTokens }
        : {}),
    },
    { signal, timeout: request.timeoutMs },
  );
  const usage = completion.usage;
  return {
    rawText: completion.choices[0]?.message.content ?? '',
    model: completion.model || request.model,
    usage: {
      inputTokens: usage?.prompt_tokens ?? 0,
      cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      outputTokens: usage?.completion_tokens ?? 0,
    },
  };
}

async function viaResponses(client: OpenAI, request: ProviderRequest, signal: AbortSignal) {
  const response = await client.responses.create(
    {
      model: request.model,
      instructions: request.system,
      input: turns(request),
      text: {
        format: {
          type: 'json_schema',
          name: request.schema.name,
          schema: request.schema.jsonSchema,
          strict: true,
        },
      },
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxOutputTokens !== undefined
        ? { max_output_tokens: request.maxOutputTokens }
        : {}),
    },
    { signal, timeout: request.timeoutMs },
  );
  const usage = response.usage;
  return {
    rawText: response.output_text ?? '',
    model: response.model || request.model,
    usage: {
      inputTokens: usage?.input_tokens ?? 0,
      cachedInputTokens: usage?.input_tokens_details?.cached_tokens ?? 0,
      outputTokens: usage?.output_tokens ?? 0,
    },
  };
}

export function createOpenAiProvider(options: OpenAiProviderOptions): DecisionProvider {
  const api = options.api ?? 'chat';
  return async (request): Promise<ProviderResult> => {
    // Local OpenAI-compatible servers often need no key; the hosted API always does.
    if (!options.apiKey && !options.baseUrl) {
      throw new AiProviderError('no_api_key', 'OpenAI: no API key is configured.');
    }
    const allowlist = options.allowlist ?? currentHostAllowlist();
    const problem = options.baseUrl ? baseUrlProblem(options.baseUrl, allowlist) : null;
    if (problem) throw new AiProviderError('blocked_url', `OpenAI: base URL refused: ${problem}`);
    const client = new OpenAI({
      fetch: guardedFetch(allowlist, 'OpenAI'),
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseUrl ?? undefined,
      maxRetries: 0,
      timeout: request.timeoutMs,
    });
    const deadline = createDeadline(request.timeoutMs, request.signal);
    const started = performance.now();
    try {
      const answer = await (api === 'responses' ? viaResponses : viaChat)(
        client,
        request,
        deadline.signal,
      );
      return {
        ...answer,
        parsed: tryParseJson(answer.rawText),
        latencyMs: Math.round(performance.now() - started),
      };
    } catch (error) {
      throw toProviderError(error, deadline, 'OpenAI');
    } finally {
      deadline.clear();
    }
  };
}
