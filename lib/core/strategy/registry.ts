import { enhanced } from './enhanced';
import { rsiReversion } from './rsi-reversion';
import { simple } from './simple';
import { smaCross } from './sma-cross';
import { StrategyError } from './strategy-error';
import { type ParamDoc, type StrategyDefinition, type StrategyInstance } from './types';
import { volatile } from './volatile';

/** A definition whose params type is known only to itself (checked where it is declared). */
type AnyStrategyDefinition = StrategyDefinition<object>;

const STRATEGIES: readonly AnyStrategyDefinition[] = [
  smaCross,
  rsiReversion,
  volatile,
  simple,
  enhanced,
];

/** One parameter as the UI shows it, with its default. */
export interface StrategyParamInfo extends ParamDoc {
  key: string;
  default: unknown;
}

/** A built-in strategy as plain data for the UI (no schema objects, safe to serialise). */
export interface StrategySummary {
  id: string;
  name: string;
  description: string;
  warmup: number;
  params: StrategyParamInfo[];
}

/** Ids of the built-in rule strategies. */
export const STRATEGY_IDS: readonly string[] = STRATEGIES.map((s) => s.id);

export function listStrategies(): StrategySummary[] {
  return STRATEGIES.map((s) => {
    const defaults = s.params.parse({}) as Record<string, unknown>;
    const docs = s.paramDocs as Record<string, ParamDoc>;
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      warmup: s.warmup(defaults),
      params: Object.entries(docs).map(([key, doc]) => ({ key, ...doc, default: defaults[key] })),
    };
  });
}

/** The definition with this id; throws `StrategyError('not_found')` naming the known ids. */
export function getStrategyOrThrow(id: string): AnyStrategyDefinition {
  const found = STRATEGIES.find((s) => s.id === id);
  if (!found) {
    throw new StrategyError(
      'not_found',
      `Unknown strategy "${id}". Known: ${STRATEGY_IDS.join(', ')}`,
    );
  }
  return found;
}

/**
 * Validates raw parameters (missing ones take their defaults; unknown keys are dropped) and
 * returns them typed; throws `StrategyError('bad_request')` listing every problem per field.
 */
export function parseStrategyParams(id: string, rawParams: unknown = {}): Record<string, unknown> {
  const definition = getStrategyOrThrow(id);
  const result = definition.params.safeParse(rawParams ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues)
    (fields[issue.path.join('.') || '_'] ??= []).push(issue.message);
  const summary = Object.entries(fields)
    .map(([key, messages]) => `${key}: ${messages.join(', ')}`)
    .join('; ');
  throw new StrategyError('bad_request', `Invalid parameters for ${id}: ${summary}`, fields);
}

/** A fresh instance of strategy `id` with validated parameters. */
export function createStrategy(id: string, rawParams: unknown = {}): StrategyInstance {
  return getStrategyOrThrow(id).create(parseStrategyParams(id, rawParams));
}
