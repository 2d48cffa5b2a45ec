/**
 * The decision every provider must produce (DESIGN §6), as a zod schema (the boundary parse) and
 * the matching JSON Schema sent to the model for structured output. Prices are absolute; a field
 * that does not apply is null (OpenAI strict mode needs every key present).
 */
import { z } from 'zod';

export const REASONING_MAX_CHARS = 1000;
export const INVALIDATION_TEXT_MAX_CHARS = 300;

export const DECISION_ACTIONS = ['buy', 'sell', 'hold', 'close'] as const;

/** A condition the worker can check on each closed candle; when it holds, the idea is void. */
export const invalidationSchema = z.object({
  type: z.enum(['close_below', 'close_above']),
  price: z.number().positive(),
  text: z.string().trim().min(1).max(INVALIDATION_TEXT_MAX_CHARS),
});

export const aiDecisionSchema = z.object({
  action: z.enum(DECISION_ACTIONS),
  confidence: z.number().min(0).max(100),
  entry: z.number().positive().nullable(),
  stopLoss: z.number().positive().nullable(),
  takeProfit: z.number().positive().nullable(),
  invalidation: invalidationSchema.nullable(),
  reasoning: z.string().trim().min(1).max(REASONING_MAX_CHARS),
});

export type AiDecision = z.infer<typeof aiDecisionSchema>;
export type Invalidation = z.infer<typeof invalidationSchema>;

const nullableNumber = (description: string) => ({ type: ['number', 'null'], description });

/** JSON Schema of `aiDecisionSchema` for OpenAI strict structured output and Gemini. */
export const DECISION_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: [
    'action',
    'confidence',
    'entry',
    'stopLoss',
    'takeProfit',
    'invalidation',
    'reasoning',
  ],
  properties: {
    action: { type: 'string', enum: [...DECISION_ACTIONS] },
    confidence: { type: 'number', minimum: 0, maximum: 100 },
    entry: nullableNumber('Entry price; null for hold/close (market = last close).'),
    stopLoss: nullableNumber('Absolute stop-loss price; required for buy/sell.'),
    takeProfit: nullableNumber('Absolute take-profit price; required for buy/sell.'),
    invalidation: {
      anyOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'price', 'text'],
          properties: {
            type: { type: 'string', enum: ['close_below', 'close_above'] },
            price: { type: 'number' },
            text: { type: 'string', maxLength: INVALIDATION_TEXT_MAX_CHARS },
          },
        },
        { type: 'null' },
      ],
    },
    reasoning: { type: 'string', maxLength: REASONING_MAX_CHARS },
  },
};

export const DECISION_OUTPUT_SCHEMA = { name: 'trade_decision', jsonSchema: DECISION_JSON_SCHEMA };

/** A hold that explains itself (used for every failure: nothing is ever traded on an error). */
export function holdDecision(reasoning: string): AiDecision {
  return {
    action: 'hold',
    confidence: 0,
    entry: null,
    stopLoss: null,
    takeProfit: null,
    invalidation: null,
    reasoning: reasoning.slice(0, REASONING_MAX_CHARS),
  };
}
