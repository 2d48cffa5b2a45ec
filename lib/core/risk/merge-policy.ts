import { type PolicyKey, type RiskPolicy, type RiskPolicyPatch } from './policy-schema';

/** `base` with the defined fields of `patch` laid over it (one level deep, arrays replaced). */
function mergeRule<T extends object>(base: T, patch: Partial<T> | undefined): T {
  if (patch === undefined) return base;
  const out = { ...base };
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeKey<K extends PolicyKey>(
  out: RiskPolicy,
  base: RiskPolicy,
  patch: RiskPolicyPatch,
  key: K,
): void {
  out[key] = mergeRule(base[key], patch[key]);
}

/** A new policy: `base` with every rule field set in `patch` replaced. Does not validate. */
export function mergePolicy(base: RiskPolicy, patch: RiskPolicyPatch): RiskPolicy {
  const out = { ...base };
  for (const key of Object.keys(base) as PolicyKey[]) mergeKey(out, base, patch, key);
  return out;
}
