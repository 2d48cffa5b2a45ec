import { resolvePolicy, type RiskPolicy } from '../core/risk';

/**
 * `resolvePolicy` (zod parses: the costliest step of a cycle that holds, and of a signal the
 * risk rules reject) memoised on its inputs: a user's bots and signals share a policy and rarely
 * have overrides. Pure, so caching is safe; the result is shared, so nobody may mutate it.
 */
export function policyOf(
  policy: Record<string, unknown>,
  overrides: Record<string, unknown> | null | undefined,
): RiskPolicy {
  const key = `${JSON.stringify(policy)}\u0000${JSON.stringify(overrides ?? {})}`;
  let resolved = resolvedPolicies.get(key);
  if (!resolved) {
    if (resolvedPolicies.size >= 1_000) resolvedPolicies.clear();
    resolved = resolvePolicy(policy, overrides);
    resolvedPolicies.set(key, resolved);
  }
  return resolved;
}
const resolvedPolicies = new Map<string, RiskPolicy>();
