/**
 * Input schemas of the AI routes and server actions (one set, so the UI's forms show the same
 * errors as the server). Content schemas of strategies and settings come from `lib/ai`.
 */
import { z } from 'zod';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';

const timeframes = Object.keys(TIMEFRAME_MS) as [Timeframe, ...Timeframe[]];
const optionalDate = z.coerce.date({ message: 'Use an ISO date, e.g. 2025-01-31.' }).optional();
const booleanText = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

/** Filters of the AI log (query string or action input). */
export const decisionFiltersSchema = z.object({
  botId: z.uuid('Unknown bot.').optional(),
  strategyVersionId: z.uuid('Unknown strategy version.').optional(),
  provider: z.enum(['openai', 'gemini', 'rules']).optional(),
  action: z.enum(['buy', 'sell', 'hold', 'close']).optional(),
  valid: booleanText.optional(),
  from: optionalDate,
  to: optionalDate,
  /** Keyset paging: decisions created before this time. */
  before: optionalDate,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DecisionFilters = z.infer<typeof decisionFiltersSchema>;

/** "Try now": a strategy (its current version) or an exact version, on a symbol and timeframe. */
export const tryStrategySchema = z.object({
  versionId: z.uuid('Unknown strategy version.').optional(),
  symbol: z.string().trim().min(1, 'Enter a symbol, e.g. BTC/USDT.').max(40),
  timeframe: z
    .enum(timeframes, { message: `Timeframe is one of ${timeframes.join(', ')}.` })
    .default('1h'),
  exchangeAccountId: z.uuid('Unknown exchange account.').optional(),
});
export type TryStrategyInput = z.infer<typeof tryStrategySchema>;

export const versionDiffSchema = z.object({
  from: z.uuid('Unknown strategy version.'),
  to: z.uuid('Unknown strategy version.'),
});

export const summaryRangeSchema = z.object({ from: optionalDate, to: optionalDate });

export const reflectionListSchema = z.object({
  botId: z.uuid('Unknown bot.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** Reads a URL's query string into a plain object for a schema. */
export function searchParamsOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}
