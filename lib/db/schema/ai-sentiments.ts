import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { aiProvider } from './ai';
import { money, time } from './columns';
import { users } from './users';

/** One symbol's reading in a market sentiment summary. */
export interface SymbolSentiment {
  symbol: string;
  sentiment: 'bullish' | 'bearish' | 'neutral';
  note: string;
}

/** What a sentiment summary says: overall mood, a score from -100 (bearish) to 100, per symbol. */
export interface MarketSentiment {
  overall: 'bullish' | 'bearish' | 'neutral' | 'mixed';
  score: number;
  summary: string;
  symbols: SymbolSentiment[];
}

/**
 * Market sentiment summaries an admin asked for (admin console), across the symbols of running
 * bots. `error` set: the provider failed and `sentiment` is the indicator-based fallback.
 */
export const aiSentiments = pgTable(
  'ai_sentiments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    provider: aiProvider('provider').notNull(),
    model: text('model').notNull(),
    symbols: jsonb('symbols').$type<string[]>().notNull(),
    sentiment: jsonb('sentiment').$type<MarketSentiment>().notNull(),
    prompt: text('prompt').notNull(),
    rawResponse: text('raw_response'),
    inputTokens: integer('input_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cost: money('cost').notNull().default('0'),
    latencyMs: integer('latency_ms').notNull().default(0),
    error: text('error'),
    createdAt: time('created_at').notNull().defaultNow(),
  },
  (t) => [index('ai_sentiments_time_idx').on(t.createdAt)],
);

export type AiSentimentRow = typeof aiSentiments.$inferSelect;
export type NewAiSentimentRow = typeof aiSentiments.$inferInsert;
