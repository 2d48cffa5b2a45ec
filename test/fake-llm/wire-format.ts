/**
 * The three wire formats the fake speaks: what the prompt is in a request, and how an answer or
 * an error looks in OpenAI chat completions, the OpenAI Responses API and Gemini generateContent.
 * Shapes follow the providers' public API references (the fields the official SDKs read).
 */
import { randomBytes } from 'node:crypto';

export type FakeApi = 'chat' | 'responses' | 'gemini';

export interface Usage {
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
}

/** The prompt of a request: the system part (cacheable prefix) and all text sent. */
export interface PromptText {
  system: string;
  all: string;
}

type Json = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Text of a message `content`: a string or a list of text parts (`{ text }`). */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((part) => str((part as Json | null)?.text))
    .join('');
}

export function promptText(api: FakeApi, body: Json): PromptText {
  if (api === 'chat') {
    const messages = asArray(body.messages) as Json[];
    const system = messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => contentText(m.content))
      .join('\n');
    return { system, all: messages.map((m) => contentText(m.content)).join('\n') };
  }
  if (api === 'responses') {
    const system = str(body.instructions);
    const input =
      typeof body.input === 'string'
        ? body.input
        : (asArray(body.input) as Json[]).map((m) => contentText(m.content)).join('\n');
    return { system, all: `${system}\n${input}` };
  }
  const instruction = body.systemInstruction as Json | undefined;
  const system = instruction ? contentText(instruction.parts) : '';
  const contents = (asArray(body.contents) as Json[]).map((c) => contentText(c.parts)).join('\n');
  return { system, all: `${system}\n${contents}` };
}

const id = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

export function successBody(
  api: FakeApi,
  model: string,
  text: string,
  usage: Usage,
  now: number,
): Json {
  const seconds = Math.floor(now / 1000);
  if (api === 'chat') {
    return {
      id: id('chatcmpl-'),
      object: 'chat.completion',
      created: seconds,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: usage.inputTokens,
        completion_tokens: usage.outputTokens,
        total_tokens: usage.inputTokens + usage.outputTokens,
        prompt_tokens_details: { cached_tokens: usage.cachedInputTokens, audio_tokens: 0 },
        completion_tokens_details: {
          reasoning_tokens: usage.reasoningTokens,
          audio_tokens: 0,
          accepted_prediction_tokens: 0,
          rejected_prediction_tokens: 0,
        },
      },
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    };
  }
  if (api === 'responses') {
    return {
      id: id('resp_'),
      object: 'response',
      created_at: seconds,
      status: 'completed',
      error: null,
      incomplete_details: null,
      model,
      output: [
        {
          type: 'message',
          id: id('msg_'),
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
        },
      ],
      parallel_tool_calls: true,
      tool_choice: 'auto',
      tools: [],
      usage: {
        input_tokens: usage.inputTokens,
        input_tokens_details: { cached_tokens: usage.cachedInputTokens },
        output_tokens: usage.outputTokens,
        output_tokens_details: { reasoning_tokens: usage.reasoningTokens },
        total_tokens: usage.inputTokens + usage.outputTokens,
      },
    };
  }
  // Gemini: candidatesTokenCount excludes thinking tokens, which are reported separately.
  const candidates = usage.outputTokens - usage.reasoningTokens;
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: usage.inputTokens,
      candidatesTokenCount: candidates,
      totalTokenCount: usage.inputTokens + usage.outputTokens,
      ...(usage.cachedInputTokens > 0 ? { cachedContentTokenCount: usage.cachedInputTokens } : {}),
      ...(usage.reasoningTokens > 0 ? { thoughtsTokenCount: usage.reasoningTokens } : {}),
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: usage.inputTokens }],
    },
    modelVersion: model,
    responseId: id(''),
  };
}

const GEMINI_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const OPENAI_TYPE: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

export function errorBody(api: FakeApi, status: number): Json {
  const message = status === 429 ? 'Rate limit reached (fake).' : `Fake error ${status}.`;
  if (api === 'gemini') {
    return { error: { code: status, message, status: GEMINI_STATUS[status] ?? 'UNKNOWN' } };
  }
  return {
    error: { message, type: OPENAI_TYPE[status] ?? 'api_error', param: null, code: null },
  };
}
