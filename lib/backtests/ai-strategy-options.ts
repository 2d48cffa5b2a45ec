/** The user's AI strategy versions as the backtest form offers them, and the URL's preselection. */
import { listAiStrategies } from '../ai';
import { STRATEGY_IDS } from '../core/strategy';
import { type Db } from '../db/client';
import { AI_STRATEGY_PREFIX } from './ai-backtest-input';

export interface AiStrategyOptionRow {
  id: string;
  label: string;
  description: string;
}

/** Every version of every AI strategy of the user, the current one of each first. */
export async function aiStrategyOptions(db: Db, userId: string): Promise<AiStrategyOptionRow[]> {
  const strategies = await listAiStrategies(db, userId);
  return strategies.flatMap((s) =>
    [...s.versions]
      .sort((a, b) =>
        a.id === s.current?.id ? -1 : b.id === s.current?.id ? 1 : b.version - a.version,
      )
      .map((v) => ({
        id: `${AI_STRATEGY_PREFIX}${v.id}`,
        label: `${s.name} v${v.version}${v.id === s.current?.id ? ' (current)' : ''}${v.status === 'draft' ? ' (draft)' : ''}`,
        description: s.description,
      })),
  );
}

/**
 * The form's preselection from `/backtests?strategy=…`: `version=<id>` picks that AI version
 * (the Strategies page's "Backtest this version"), a built-in `strategy` with optional
 * `params` (JSON) picks a rule strategy. Anything unknown is ignored.
 */
export function initialSelection(
  search: Record<string, string | string[] | undefined>,
  aiOptions: readonly { id: string }[],
): { strategyId?: string; params?: Record<string, unknown> } {
  const one = (key: string) => {
    const value = search[key];
    return typeof value === 'string' ? value : undefined;
  };
  const version = one('version');
  if (version) {
    const id = `${AI_STRATEGY_PREFIX}${version}`;
    return aiOptions.some((o) => o.id === id) ? { strategyId: id } : {};
  }
  const strategy = one('strategy');
  if (!strategy || !STRATEGY_IDS.includes(strategy)) return {};
  let params: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(one('params') ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      params = parsed as Record<string, unknown>;
  } catch {
    params = undefined;
  }
  return { strategyId: strategy, ...(params ? { params } : {}) };
}
