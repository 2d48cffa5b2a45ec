/**
 * Turns a model's text into a decision or a list of errors the model can act on: JSON parse,
 * schema (zod), then sense checks against the market (stop and target on the right sides of the
 * entry, prices near the last price, `close` only with a position).
 */
import { type z } from 'zod';
import { aiDecisionSchema, type AiDecision } from './decision-schema';

export interface SanityLimits {
  /** Entry at most this % away from the last price. */
  maxEntryDistancePct: number;
  /** Stop-loss, take-profit and invalidation at most this % away from the last price. */
  maxExitDistancePct: number;
}

export const DEFAULT_SANITY_LIMITS: SanityLimits = {
  maxEntryDistancePct: 2,
  maxExitDistancePct: 20,
};

export interface SenseInput {
  lastPrice: number;
  hasPosition: boolean;
  limits: SanityLimits;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** JSON from a model's text; tolerates one surrounding Markdown code fence. */
export function parseModelJson(rawText: string): Validated<unknown> {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(rawText);
  const text = (fenced ? fenced[1]! : rawText).trim();
  if (text === '')
    return { ok: false, errors: ['The answer was empty; expected one JSON object.'] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`The answer is not valid JSON (${reason}).`] };
  }
}

/** zod issues as `path: message` lines. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * A model's answer checked against `schema`: the provider's parsed JSON when it gave one, else
 * the answer's text parsed; errors are lines the model can act on in a repair.
 */
export function validateWithSchema<T>(
  rawText: string,
  parsed: unknown,
  schema: z.ZodType<T>,
): Validated<T> {
  const json =
    parsed !== undefined ? { ok: true as const, value: parsed } : parseModelJson(rawText);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: formatIssues(result.error) };
}

const distancePct = (price: number, from: number) => (Math.abs(price - from) / from) * 100;

/** Errors that make a well-formed decision unsafe to pass on; empty when it makes sense. */
export function checkDecisionSense(decision: AiDecision, input: SenseInput): string[] {
  const { lastPrice, limits } = input;
  const errors: string[] = [];
  if (!Number.isFinite(lastPrice) || lastPrice <= 0) return ['The last price is unknown.'];
  if (decision.action === 'close' && !input.hasPosition) {
    errors.push('action: "close" needs an open position, and there is none (use "hold").');
  }
  if (decision.action !== 'buy' && decision.action !== 'sell') return errors;

  const long = decision.action === 'buy';
  const entry = decision.entry ?? lastPrice;
  const { stopLoss, takeProfit } = decision;
  if (distancePct(entry, lastPrice) > limits.maxEntryDistancePct) {
    errors.push(
      `entry: ${entry} is more than ${limits.maxEntryDistancePct}% from the last price ${lastPrice}.`,
    );
  }
  if (stopLoss === null) errors.push(`stopLoss: required for "${decision.action}".`);
  else if (long ? stopLoss >= entry : stopLoss <= entry) {
    errors.push(
      `stopLoss: must be ${long ? 'below' : 'above'} the entry ${entry} for "${decision.action}".`,
    );
  }
  if (takeProfit === null) errors.push(`takeProfit: required for "${decision.action}".`);
  else if (long ? takeProfit <= entry : takeProfit >= entry) {
    errors.push(
      `takeProfit: must be ${long ? 'above' : 'below'} the entry ${entry} for "${decision.action}".`,
    );
  }
  const far: [string, number | null | undefined][] = [
    ['stopLoss', stopLoss],
    ['takeProfit', takeProfit],
    ['invalidation.price', decision.invalidation?.price],
  ];
  for (const [field, price] of far) {
    if (price != null && distancePct(price, lastPrice) > limits.maxExitDistancePct) {
      errors.push(
        `${field}: ${price} is more than ${limits.maxExitDistancePct}% from the last price ${lastPrice}.`,
      );
    }
  }
  return errors;
}

/**
 * The whole check. A valid `buy`/`sell` without an entry gets the last price as its entry (a
 * market order), so the decision passed on always carries the price it was judged against.
 */
export function validateDecision(
  rawText: string,
  parsed: unknown,
  input: SenseInput,
): Validated<AiDecision> {
  const result = validateWithSchema(rawText, parsed, aiDecisionSchema);
  if (!result.ok) return result;
  const decision = result.value;
  const errors = checkDecisionSense(decision, input);
  if (errors.length > 0) return { ok: false, errors };
  if ((decision.action === 'buy' || decision.action === 'sell') && decision.entry === null) {
    return { ok: true, value: { ...decision, entry: input.lastPrice } };
  }
  return { ok: true, value: decision };
}
