/**
 * What the fake LLM answers, one scripted step per request (FIFO, shared by every endpoint).
 * A step is either content the "model" writes (JSON or any text) or an HTTP error; either can be
 * delayed to simulate a slow model.
 */

/** Token counts to report instead of the fake's estimate. */
export interface ScriptedUsage {
  inputTokens?: number;
  cachedInputTokens?: number;
  outputTokens?: number;
  /** Reasoning/thinking tokens (OpenAI `reasoning_tokens`, Gemini `thoughtsTokenCount`). */
  reasoningTokens?: number;
}

export interface ContentStep {
  kind: 'content';
  /** The model's text; an object is sent as its JSON. */
  content: string | object;
  delayMs?: number;
  usage?: ScriptedUsage;
}

export interface ErrorStep {
  kind: 'error';
  status: number;
  /** Overrides the provider-shaped error body. */
  body?: unknown;
  delayMs?: number;
  retryAfterSeconds?: number;
}

export type ScriptedStep = ContentStep | ErrorStep;

/** Builders for scripted steps, so tests read like the situation they set up. */
export const fakeReply = {
  /** A well-formed answer: the object as JSON text. */
  json: (value: object, options: Omit<ContentStep, 'kind' | 'content'> = {}): ContentStep => ({
    kind: 'content',
    content: value,
    ...options,
  }),
  /** Any text, e.g. malformed JSON or prose around JSON. */
  text: (content: string, options: Omit<ContentStep, 'kind' | 'content'> = {}): ContentStep => ({
    kind: 'content',
    content,
    ...options,
  }),
  /** An HTTP error with the provider's error body (429 rate limit, 500 server error, ...). */
  error: (status: number, options: Omit<ErrorStep, 'kind' | 'status'> = {}): ErrorStep => ({
    kind: 'error',
    status,
    ...options,
  }),
  /** The same step, answered only after `delayMs`. */
  slow: <S extends ScriptedStep>(delayMs: number, step: S): S => ({ ...step, delayMs }),
};
