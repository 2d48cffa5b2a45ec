/** What a reflection answers: what worked, what failed, suggestions, and an optional new prompt. */
import { z } from 'zod';

const finding = z.string().trim().min(1).max(300);

export const reflectionSchema = z.object({
  worked: z.array(finding).max(5),
  failed: z.array(finding).max(5),
  suggestions: z.array(finding).max(5),
  /** A full replacement system prompt; becomes a draft version the user may accept. */
  promptChange: z
    .object({
      systemPrompt: z.string().trim().min(50).max(20_000),
      rationale: z.string().trim().min(1).max(500),
    })
    .nullable(),
});

export type Reflection = z.infer<typeof reflectionSchema>;

const findings = { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 300 } };

export const REFLECTION_OUTPUT_SCHEMA = {
  name: 'strategy_reflection',
  jsonSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['worked', 'failed', 'suggestions', 'promptChange'],
    properties: {
      worked: findings,
      failed: findings,
      suggestions: findings,
      promptChange: {
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['systemPrompt', 'rationale'],
            properties: {
              systemPrompt: { type: 'string', maxLength: 20_000 },
              rationale: { type: 'string', maxLength: 500 },
            },
          },
          { type: 'null' },
        ],
      },
    },
  } as Record<string, unknown>,
};
