/**
 * The admin console's "market sentiment" button: the symbols of every running bot, their recent
 * closed candles from each bot's venue, one summary by the admin's default provider and model
 * (with the asking admin's own key and endpoint for that provider). Stored; the newest is shown.
 */
import { loadAiSettings } from '../ai/settings';
import { summarizeSentiment, type SentimentSeries } from '../ai/sentiment/summarize-sentiment';
import { DEFAULT_MODELS } from '../ai/resolve-model';
import { type AiRuntimeSettings } from '../ai/types';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';
import { type KeyRing } from '../crypto/secret-box';
import { runningBotMarkets } from '../db/queries/ai-sentiments';
import type { AiSentimentRow, User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { logSystem } from '../log/system-log';
import { type TradingDeps } from '../trading/deps';
import { accountOrThrow } from '../trading/market-of';
import { getAiDefaults } from './ai-prices';
import { fetchClosedCandles } from '../exchange/closed-candles';

/** Symbols in one summary (the prompt stays small) and candles read per symbol. */
export const MAX_SENTIMENT_SYMBOLS = 20;
const SENTIMENT_CANDLES = 100;

/** The admin default's provider and model, with the admin's key only if it is for that provider. */
export async function sentimentSettings(
  db: TradingDeps['db'],
  actor: Pick<User, 'id'>,
  ring?: KeyRing,
): Promise<AiRuntimeSettings> {
  const [defaults, own] = await Promise.all([
    getAiDefaults(db),
    loadAiSettings(db, actor.id, ring),
  ]);
  const same = own.provider === defaults.provider;
  return {
    ...own,
    provider: defaults.provider,
    model: defaults.model || (same ? own.model : '') || DEFAULT_MODELS[defaults.provider],
    apiKey: same ? own.apiKey : null,
    baseUrl: same ? own.baseUrl : null,
    fallback: 'hold',
  };
}

async function recentCandles(
  deps: Pick<TradingDeps, 'db' | 'exchangeFor'>,
  market: { symbol: string; timeframe: string; exchangeAccountId: string },
  now: Date,
): Promise<SentimentSeries | null> {
  const timeframe = market.timeframe as Timeframe;
  const frame = TIMEFRAME_MS[timeframe];
  if (!frame) return null;
  const exchange = await deps.exchangeFor(await accountOrThrow(deps.db, market.exchangeAccountId));
  const candles = await fetchClosedCandles(
    exchange,
    market.symbol,
    timeframe,
    SENTIMENT_CANDLES,
    now,
  );
  return { symbol: market.symbol, timeframe, candles };
}

export async function askMarketSentiment(
  deps: Pick<TradingDeps, 'db' | 'exchangeFor' | 'now'>,
  actor: User,
  options: { ring?: KeyRing; signal?: AbortSignal } = {},
): Promise<AiSentimentRow> {
  const { db } = deps;
  const markets = await runningBotMarkets(db, MAX_SENTIMENT_SYMBOLS);
  if (markets.length === 0)
    throw new AppError(
      'unprocessable',
      'No bot is running: start a bot to get a summary of its market.',
    );
  const now = deps.now();
  const series: SentimentSeries[] = [];
  for (const market of markets) {
    try {
      const s = await recentCandles(deps, market, now);
      if (s) series.push(s);
    } catch (error) {
      await logSystem(db, {
        level: 'warn',
        source: 'ai',
        message: `Market sentiment: no candles for ${market.symbol} (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  if (series.length === 0)
    throw new AppError(
      'unavailable',
      'Market data could not be read for any running bot’s symbol.',
    );
  const row = await summarizeSentiment(db, {
    requestedBy: actor.id,
    settings: await sentimentSettings(db, actor, options.ring),
    series,
    now,
    signal: options.signal,
  });
  await logSystem(db, {
    level: row.error ? 'warn' : 'info',
    source: 'ai',
    message: `${actor.email} asked for a market sentiment summary (${row.provider}/${row.model}): ${row.sentiment.overall}${row.error ? `; fell back to indicators: ${row.error}` : ''}`,
  });
  return row;
}
