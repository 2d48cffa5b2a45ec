/** Timing helpers for `bench/core.bench.ts`. */

/** Keeps results reachable so the JIT cannot drop the work. */
let sink = 0;

function consume(result: unknown): void {
  if (result instanceof Float64Array) sink += result[result.length - 1] || 0;
  else if (typeof result === 'number') sink += result || 0;
  else if (Array.isArray(result)) sink += result.length;
  else if (result && typeof result === 'object') sink += Object.keys(result).length;
}

export function sinkValue(): number {
  return sink;
}

/** Wall time of one call of `fn`, in nanoseconds. */
export function timeOnce(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  const result = fn();
  const t1 = process.hrtime.bigint();
  consume(result);
  return Number(t1 - t0);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Times several variants of the same computation fairly on a shared, noisy machine: `warmups`
 * untimed rounds (JIT), then `rounds` rounds that each time every variant once, back to back, so
 * load changes hit all variants of a round alike. Returns every variant's samples in round order
 * (nanoseconds).
 */
export function interleavedSamples(
  variants: Record<string, () => unknown>,
  rounds: number,
  warmups = 2,
): Record<string, number[]> {
  const names = Object.keys(variants);
  for (let r = 0; r < warmups; r++) for (const name of names) consume(variants[name]!());
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const name of names) samples[name]!.push(timeOnce(variants[name]!));
  }
  return samples;
}

/** Median over rounds of `a[r] / b[r]`: a ratio robust to load that drifts between rounds. */
export function medianRatio(a: number[], b: number[]): number {
  return median(a.map((x, r) => x / b[r]!));
}
