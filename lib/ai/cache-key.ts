/**
 * The decision cache key: SHA-256 over (provider, model, prompt, params). Params are serialised
 * with sorted keys, so the same version parameters always give the same key.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function decisionCacheKey(input: {
  provider: string;
  model: string;
  system: string;
  user: string;
  params: unknown;
}): string {
  const payload = JSON.stringify([
    input.provider,
    input.model,
    input.system,
    input.user,
    canonical(input.params),
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
