/** What a market sentiment summary answers, as zod (validation) and JSON Schema (the provider). */
import { z } from 'zod';

export const SENTIMENTS = ['bullish', 'bearish', 'neutral'] as const;

export const marketSentimentSchema = z.object({
  overall: z.enum([...SENTIMENTS, 'mixed']),
  score: z
    .number()
    .min(-100)
    .max(100)
    .transform((v) => Math.round(v)),
  summary: z.string().trim().min(1).max(1500),
  symbols: z
    .array(
      z.object({
        symbol: z.string().trim().min(1).max(40),
        sentiment: z.enum(SENTIMENTS),
        note: z.string().trim().max(300),
      }),
    )
    .max(50),
});

export type MarketSentimentAnswer = z.infer<typeof marketSentimentSchema>;

export const SENTIMENT_OUTPUT_SCHEMA = {
  name: 'market_sentiment',
  jsonSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['overall', 'score', 'summary', 'symbols'],
    properties: {
      overall: { type: 'string', enum: [...SENTIMENTS, 'mixed'] },
      score: { type: 'integer', minimum: -100, maximum: 100 },
      summary: { type: 'string', maxLength: 1500 },
      symbols: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['symbol', 'sentiment', 'note'],
          properties: {
            symbol: { type: 'string' },
            sentiment: { type: 'string', enum: [...SENTIMENTS] },
            note: { type: 'string', maxLength: 300 },
          },
        },
      },
    },
  },
};
