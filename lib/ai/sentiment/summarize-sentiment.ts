/**
 * A market sentiment summary across symbols, on demand (admin console): the provider reads a
 * compact indicator table and answers in a schema; the summary is stored with its tokens and
 * cost. The rules provider, a missing key or a failed call give the indicator-based summary
 * instead (stored with the reason in `error`), so the button always yields a summary.
 */
import { type Candle } from '../../core/types';
import { type Db } from '../../db/client';
import { insertAiSentiment } from '../../db/queries/ai-sentiments';
import { type AiSentimentRow } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import { callWithRepair, outcomeErrorText, spentColumns } from '../call-with-repair';
import { getModelPrice } from '../model-prices';
import { createProvider } from '../providers/create-provider';
import { DEFAULT_MODELS } from '../resolve-model';
import { type AiRuntimeSettings } from '../types';
import { validateWithSchema } from '../validate-decision';
import { rulesSentiment } from './rules-sentiment';
import { SENTIMENT_SYSTEM_PROMPT, sentimentUserPrompt } from './sentiment-prompt';
import { marketSentimentSchema, SENTIMENT_OUTPUT_SCHEMA } from './sentiment-schema';
import { MIN_SENTIMENT_CANDLES, symbolSnapshot } from './symbol-snapshot';

const SENTIMENT_OUTPUT_TOKENS = 2000;
const MAX_SENTIMENT_TIMEOUT_MS = 60_000;

export interface SentimentSeries {
  symbol: string;
  timeframe: string;
  candles: readonly Candle[];
}

export interface SummarizeSentimentInput {
  requestedBy: string | null;
  /** Provider, model, key and endpoint to ask with. */
  settings: AiRuntimeSettings;
  series: readonly SentimentSeries[];
  now: Date;
  signal?: AbortSignal;
}

export async function summarizeSentiment(
  db: Db,
  input: SummarizeSentimentInput,
): Promise<AiSentimentRow> {
  const snapshots = input.series
    .map((s) => symbolSnapshot(s.symbol, s.timeframe, s.candles))
    .filter((s) => s !== null);
  if (snapshots.length === 0)
    throw new AppError(
      'unprocessable',
      `Not enough market history yet: each symbol needs ${MIN_SENTIMENT_CANDLES} closed candles.`,
    );
  const kind = input.settings.provider;
  const model =
    kind === 'rules' ? 'rules:indicators' : input.settings.model || DEFAULT_MODELS[kind];
  const user = sentimentUserPrompt(snapshots, input.now);
  const base = {
    requestedBy: input.requestedBy,
    provider: kind,
    model,
    symbols: snapshots.map((s) => s.symbol),
    prompt: `${SENTIMENT_SYSTEM_PROMPT}\n\n${user}`,
    // Stored at the database's time: `now` dates the market data, the row orders the history.
  };
  const fallback = rulesSentiment(snapshots);
  if (kind === 'rules') return insertAiSentiment(db, { ...base, sentiment: fallback });

  const price = await getModelPrice(db, kind, model);
  const outcome = await callWithRepair(
    createProvider(kind, input.settings),
    {
      system: SENTIMENT_SYSTEM_PROMPT,
      user,
      schema: SENTIMENT_OUTPUT_SCHEMA,
      model,
      timeoutMs: Math.min(input.settings.timeoutMs * 2, MAX_SENTIMENT_TIMEOUT_MS),
      maxOutputTokens: SENTIMENT_OUTPUT_TOKENS,
      signal: input.signal,
    },
    (rawText, parsed) => validateWithSchema(rawText, parsed, marketSentimentSchema),
  );
  const spent = spentColumns(outcome, price);
  if (outcome.value) return insertAiSentiment(db, { ...base, ...spent, sentiment: outcome.value });
  const error = outcomeErrorText(outcome);
  return insertAiSentiment(db, { ...base, ...spent, sentiment: fallback, error });
}
