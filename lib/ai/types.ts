/**
 * Vocabulary of the AI layer: providers, the request/result every provider speaks, runtime
 * settings, and the market context a decision is made from.
 */
import { type Candle, type ClosedTrade, type Side, type Timeframe } from '../core/types';
import { type Invalidation } from './decision-schema';

export const AI_PROVIDERS = ['openai', 'gemini', 'rules'] as const;
export type AiProviderKind = (typeof AI_PROVIDERS)[number];

/** Which OpenAI endpoint to use: chat completions (widest compatibility) or the Responses API. */
export type OpenAiApi = 'chat' | 'responses';

/** What to do when the provider fails (timeout, 429, 5xx) or the budget is spent. */
export type AiFallback = 'hold' | 'rules';

export interface TokenUsage {
  /** All input tokens, cached ones included (as OpenAI and Gemini both report them). */
  inputTokens: number;
  /** The part of `inputTokens` served from the provider's prompt cache. */
  cachedInputTokens: number;
  /** Billed output tokens, reasoning/thinking tokens included. */
  outputTokens: number;
}

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };

/** A structured-output schema: a name and a JSON Schema (strict-mode compatible). */
export interface OutputSchema {
  name: string;
  jsonSchema: Record<string, unknown>;
}

/** One call to a model. `repair` turns it into a second turn that shows the model its mistakes. */
export interface ProviderRequest {
  system: string;
  user: string;
  schema: OutputSchema;
  model: string;
  timeoutMs: number;
  signal?: AbortSignal;
  temperature?: number;
  maxOutputTokens?: number;
  repair?: { previousText: string; errors: readonly string[] };
}

export interface ProviderResult {
  rawText: string;
  /** `rawText` parsed as JSON, when it is JSON (validation happens later). */
  parsed?: unknown;
  usage: TokenUsage;
  latencyMs: number;
  /** The model that answered, as the provider reports it. */
  model: string;
}

/** A decision provider: OpenAI, Gemini or the built-in rules. Throws `AiProviderError`. */
export type DecisionProvider = (request: ProviderRequest) => Promise<ProviderResult>;

/** A user's AI settings, resolved and decrypted, as `decide` uses them. */
export interface AiRuntimeSettings {
  provider: AiProviderKind;
  model: string;
  /** Plaintext key (decrypted from `ai_settings`); never logged or stored in the ledger. */
  apiKey: string | null;
  /** OpenAI-compatible server (e.g. `http://localhost:11434/v1`) or Gemini endpoint override. */
  baseUrl: string | null;
  openaiApi: OpenAiApi;
  timeoutMs: number;
  /** USD per UTC day; null = no limit. */
  dailyBudgetUsd: string | null;
  fallback: AiFallback;
}

/** The open position a decision is made for, with the plan it was opened with. */
export interface AiPositionContext {
  side: Side;
  entryPrice: number;
  quantity: number;
  entryTime: number;
  stopLoss?: number | null;
  takeProfit?: number | null;
  invalidation?: Invalidation | null;
}

/** Everything a decision is made from; the worker fills it each cycle. */
export interface AiMarketContext {
  symbol: string;
  timeframe: Timeframe;
  /** Closed candles, oldest first (enough for indicator warm-up: 100–300 is typical). */
  candles: readonly Candle[];
  position: AiPositionContext | null;
  balance: { asset: string; free: number; total: number };
  /** The bot's closed trades (any order; the last 15 by exit time are used). */
  closedTrades: readonly ClosedTrade[];
}
