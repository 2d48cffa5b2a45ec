/**
 * One provider call with at most one repair: when the answer fails validation, the model gets
 * its answer back with the errors and one more chance. `timeoutMs` bounds both attempts together.
 * Never throws: a provider failure comes back as `error`, usage so far included.
 */
import { addUsage, computeCost } from './compute-cost';
import { type ModelPrice } from './model-prices';
import { AiProviderError } from './providers/provider-error';
import { type DecisionProvider, type ProviderRequest, type TokenUsage, ZERO_USAGE } from './types';
import { type Validated } from './validate-decision';

export interface FailedAttempt {
  attempt: number;
  rawText: string;
  errors: string[];
}

export interface RepairOutcome<T> {
  value?: T;
  /** The last answer received (null when none was). */
  rawText: string | null;
  failedAttempts: FailedAttempt[];
  usage: TokenUsage;
  latencyMs: number;
  calls: number;
  /** The model that answered last (the requested one when none answered). */
  model: string;
  error?: AiProviderError;
}

export async function callWithRepair<T>(
  provider: DecisionProvider,
  request: ProviderRequest,
  validate: (rawText: string, parsed: unknown) => Validated<T>,
  options: { repair?: boolean } = {},
): Promise<RepairOutcome<T>> {
  const attempts = options.repair === false ? 1 : 2;
  const started = performance.now();
  const outcome: RepairOutcome<T> = {
    rawText: null,
    failedAttempts: [],
    usage: ZERO_USAGE,
    latencyMs: 0,
    calls: 0,
    model: request.model,
  };
  let repair: ProviderRequest['repair'];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const remaining = Math.floor(request.timeoutMs - (performance.now() - started));
    if (remaining <= 0) {
      outcome.error = new AiProviderError(
        'timeout',
        `No valid answer within ${request.timeoutMs} ms.`,
      );
      break;
    }
    outcome.calls++;
    try {
      const result = await provider({ ...request, timeoutMs: remaining, repair });
      outcome.usage = addUsage(outcome.usage, result.usage);
      outcome.rawText = result.rawText;
      outcome.model = result.model;
      const checked = validate(result.rawText, result.parsed);
      if (checked.ok) {
        outcome.value = checked.value;
        break;
      }
      outcome.failedAttempts.push({ attempt, rawText: result.rawText, errors: checked.errors });
      repair = { previousText: result.rawText, errors: checked.errors };
    } catch (error) {
      outcome.error =
        error instanceof AiProviderError
          ? error
          : new AiProviderError('unknown', error instanceof Error ? error.message : String(error));
      break;
    }
  }
  outcome.latencyMs = Math.round(performance.now() - started);
  return outcome;
}

/** What a call spent, as the columns of a reflection or summary row (cost at `price`). */
export function spentColumns(outcome: RepairOutcome<unknown>, price: ModelPrice) {
  return {
    rawResponse: outcome.rawText,
    inputTokens: outcome.usage.inputTokens,
    cachedInputTokens: outcome.usage.cachedInputTokens,
    outputTokens: outcome.usage.outputTokens,
    cost: computeCost(outcome.usage, price),
    latencyMs: outcome.latencyMs,
  };
}

/** Why a call gave no valid answer: `kind: message` of the provider error, else the last errors. */
export function outcomeErrorText(outcome: RepairOutcome<unknown>): string {
  return outcome.error
    ? `${outcome.error.kind}: ${outcome.error.message}`
    : `invalid_output: ${(outcome.failedAttempts.at(-1)?.errors ?? []).join(' ')}`;
}
