/**
 * Counter-based randomness for the simulated market: every random number is a pure function of
 * (key, a, b), so any minute, hour or day can be computed on its own, in any order, in any
 * process, with the same result. No state, no sequence to replay.
 */

/** 32-bit finaliser (murmur3-style avalanche): every input bit flips about half the output bits. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised: a 32-bit key for a string (seed, symbol). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A 32-bit hash of a key and two non-negative integer counters (each below 2^53). */
export function hash3(key: number, a: number, b: number): number {
  const aLo = a >>> 0;
  const aHi = Math.floor(a / 4294967296) >>> 0;
  let h = mix32((key ^ Math.imul(aLo, 0x9e3779b1)) >>> 0);
  h = mix32((h + Math.imul(aHi ^ 0x632be5ab, 0x85ebca77)) >>> 0);
  return mix32((h ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae3d)) >>> 0);
}

/** Uniform in the open interval (0, 1). */
export function uniform(key: number, a: number, b: number): number {
  return (hash3(key, a, b) + 0.5) / 4294967296;
}

/** Standard normal (Box–Muller over two independent uniforms drawn from streams b and b+1). */
export function normal(key: number, a: number, b: number): number {
  const u1 = uniform(key, a, b);
  const u2 = uniform(key, a, b + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Draw `k` of a counter's own stream: one full hash (`hash3`) per counter, then one cheap mix per
 * draw. Used for the many numbers each simulated minute needs.
 */
export function drawUniform(base: number, k: number): number {
  return (mix32((base + Math.imul(k + 1, 0x9e3779b9)) >>> 0) + 0.5) / 4294967296;
}

/** Standard normal from draws k and k + 1 of a counter's stream. */
export function drawNormal(base: number, k: number): number {
  const u1 = drawUniform(base, k);
  const u2 = drawUniform(base, k + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
