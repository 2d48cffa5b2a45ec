/** Cost of one call in USD, exact: uncached input, cached input and output at their prices. */
import { dec } from '../core/money';
import { type ModelPrice } from './model-prices';
import { type TokenUsage } from './types';

export function computeCost(usage: TokenUsage, price: ModelPrice): string {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const uncached = usage.inputTokens - cached;
  return dec(uncached)
    .mul(price.inputPerMTok)
    .add(dec(cached).mul(price.cachedInputPerMTok))
    .add(dec(usage.outputTokens).mul(price.outputPerMTok))
    .div(1_000_000, 18, 'half-up')
    .toString();
}

/** Upper estimate of a call's cost before it is made (all input uncached, full output cap). */
export function estimateCost(
  inputTokens: number,
  maxOutputTokens: number,
  price: ModelPrice,
): string {
  return computeCost({ inputTokens, cachedInputTokens: 0, outputTokens: maxOutputTokens }, price);
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    cachedInputTokens: a.cachedInputTokens + b.cachedInputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
  };
}
