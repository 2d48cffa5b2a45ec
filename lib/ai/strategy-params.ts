/**
 * Parameters of an AI strategy version (stored whole in `ai_strategy_versions.params`, defaults
 * filled in, so a version keeps meaning the same thing if defaults change later).
 */
import { z } from 'zod';
import { DEFAULT_SANITY_LIMITS } from './validate-decision';

const period = (fallback: number) => z.number().int().min(2).max(500).default(fallback);

export const indicatorParamsSchema = z
  .object({
    rsiPeriod: period(14),
    macdFast: period(12),
    macdSlow: period(26),
    macdSignal: period(9),
    bbPeriod: period(20),
    bbStdDev: z.number().positive().max(5).default(2),
    smaFast: period(20),
    smaSlow: period(50),
    emaFast: period(20),
    emaSlow: period(50),
    atrPeriod: period(14),
  })
  .prefault({});

export const aiStrategyParamsSchema = z.object({
  /** Candle rows shown in the prompt (indicators use every candle given). */
  candleRows: z.number().int().min(5).max(200).default(30),
  /** Indicator rows shown (the most recent ones). */
  indicatorRows: z.number().int().min(1).max(100).default(10),
  indicators: indicatorParamsSchema,
  /** Include market-structure features (swings, BOS/CHoCH, FVGs, liquidity, regimes). */
  structure: z.boolean().default(true),
  /** Sent only when set (some reasoning models reject it). */
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(64).max(32_000).optional(),
  sanity: z
    .object({
      maxEntryDistancePct: z
        .number()
        .positive()
        .max(50)
        .default(DEFAULT_SANITY_LIMITS.maxEntryDistancePct),
      maxExitDistancePct: z
        .number()
        .positive()
        .max(90)
        .default(DEFAULT_SANITY_LIMITS.maxExitDistancePct),
    })
    .prefault({}),
  /** The core rule strategy for the `rules` provider and the `rules` fallback. */
  rules: z
    .object({
      id: z.string().min(1).default('simple'),
      params: z.record(z.string(), z.unknown()).default({}),
    })
    .prefault({}),
});

export type AiStrategyParams = z.infer<typeof aiStrategyParamsSchema>;
export type IndicatorParams = z.infer<typeof indicatorParamsSchema>;

export const DEFAULT_AI_STRATEGY_PARAMS: AiStrategyParams = aiStrategyParamsSchema.parse({});

/**
 * A stored version's params, parsed. Invalid params (written by hand or by an older release)
 * give the defaults and an error, so the caller can log a hold instead of failing.
 */
export function resolveStrategyParams(raw: unknown): { params: AiStrategyParams; error?: string } {
  const result = aiStrategyParamsSchema.safeParse(raw ?? {});
  if (result.success) return { params: result.data };
  const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return { params: DEFAULT_AI_STRATEGY_PARAMS, error: detail };
}
