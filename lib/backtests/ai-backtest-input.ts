/**
 * The AI part of a backtest request: `strategyId: 'ai:<versionId>'` names the exact AI strategy
 * version, `ai` the decision cadence and the user's confirmation of the estimate. Parsed with
 * `backtestRunSchema` (API and form share it).
 */
import { z } from 'zod';
import { STRATEGY_IDS } from '../core/strategy';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';
import { isUuid } from '../core/is-uuid';

export const AI_STRATEGY_PREFIX = 'ai:';
/** `backtests.strategy_id` of an AI run (the version is in `ai_strategy_version_id`). */
export const AI_STRATEGY_ID = 'ai';

/** Decision points a run gets by default (the cadence is chosen to stay near this). */
export const DEFAULT_AI_DECISION_POINTS = 200;
/** Most decision points one run may have, whatever cadence is asked for. */
export const MAX_AI_DECISION_POINTS = 2000;

/** Hard caps per run; the route and the worker pass the configured ones. */
export interface AiBacktestCaps {
  maxCalls: number;
  /** USD, exact decimal string. */
  maxCostUsd: string;
}
export const DEFAULT_AI_BACKTEST_CAPS: AiBacktestCaps = { maxCalls: 500, maxCostUsd: '5' };

/** The version id of `ai:<uuid>`, or undefined for anything else. */
export function aiVersionIdOf(strategyId: string): string | undefined {
  if (!strategyId.startsWith(AI_STRATEGY_PREFIX)) return undefined;
  const id = strategyId.slice(AI_STRATEGY_PREFIX.length).toLowerCase();
  return isUuid(id) ? id : undefined;
}

export const aiBacktestRequestSchema = z.object({
  /** Ask the strategy every N bars (default: about `DEFAULT_AI_DECISION_POINTS` per run). */
  decisionEveryBars: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The user saw the estimate (calls, cost) and agreed; required to queue an AI run. */
  confirmCost: z.boolean().default(false),
});
export type AiBacktestRequest = z.output<typeof aiBacktestRequestSchema>;

/** The cadence: the requested one, or the smallest giving at most the default number of points. */
export function decisionEveryBars(tradedBars: number, requested: number | undefined): number {
  return requested ?? Math.max(1, Math.ceil(tradedBars / DEFAULT_AI_DECISION_POINTS));
}

/** Decision points over `tradedBars` bars at one every `every` bars (the first traded bar is one). */
export function decisionPointCount(tradedBars: number, every: number): number {
  return tradedBars <= 0 ? 0 : Math.ceil(tradedBars / every);
}

/** A built-in strategy id or `ai:<uuid>`. */
export function isStrategyId(id: string): boolean {
  return STRATEGY_IDS.includes(id) || aiVersionIdOf(id) !== undefined;
}

export const strategyIdError = {
  error: (issue: { input?: unknown }): string =>
    String(issue.input).startsWith(AI_STRATEGY_PREFIX)
      ? 'Unknown AI strategy version.'
      : 'Unknown strategy.',
};

/** The checks an AI request adds to `backtestRunSchema` (errors per field). */
export function refineAiRequest(
  input: {
    from: number;
    to: number;
    timeframe: Timeframe;
    options: { maxConcurrent: number };
    ai?: AiBacktestRequest;
    mode?: string;
  },
  issue: (path: (string | number)[], message: string) => void,
): void {
  if (input.to <= input.from) return;
  const bars = Math.ceil((input.to - input.from) / TIMEFRAME_MS[input.timeframe]);
  const every = decisionEveryBars(bars, input.ai?.decisionEveryBars);
  if (decisionPointCount(bars, every) > MAX_AI_DECISION_POINTS) {
    issue(
      ['ai', 'decisionEveryBars'],
      `At most ${MAX_AI_DECISION_POINTS} decisions per run: ask every ${Math.ceil(bars / MAX_AI_DECISION_POINTS)} bars or more.`,
    );
  }
  if (input.options.maxConcurrent > 1)
    issue(['options', 'maxConcurrent'], 'AI backtests hold one position at a time.');
  if (input.mode !== undefined && input.mode !== 'single')
    issue(['mode'], 'Sweeps and walk-forward run built-in rule strategies only.');
}
