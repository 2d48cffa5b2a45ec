/** Bare loops for `bench/core.bench.ts` (continued): stochastic and VWAP. See `core-bare.ts`. */

/** Stochastic with block-based sliding extremes and running sums for both SMAs. */
export function bareStochastic(
  h: Float64Array,
  l: Float64Array,
  c: Float64Array,
  kp: number,
  ks: number,
  dp: number,
) {
  const n = h.length;
  const k = new Float64Array(n).fill(NaN);
  const d = new Float64Array(n).fill(NaN);
  // Sliding extremes, van Herk / Gil-Werman (as WindowExtremes).
  const bh = new Float64Array(kp);
  const bl = new Float64Array(kp);
  const sh = new Float64Array(kp).fill(-Infinity);
  const sl = new Float64Array(kp).fill(Infinity);
  let ph = -Infinity;
  let pl = Infinity;
  let j = 0;
  const kw = new Float64Array(ks);
  const dw = new Float64Array(dp);
  let kSum = 0;
  let dSum = 0;
  let kCount = 0;
  let dCount = 0;
  let kPos = 0;
  let dPos = 0;
  for (let i = 0; i < n; i++) {
    const hv = h[i]!;
    const lv = l[i]!;
    bh[j] = hv;
    bl[j] = lv;
    ph = hv > ph ? hv : ph;
    pl = lv < pl ? lv : pl;
    let th = -Infinity;
    let tl = Infinity;
    if (j + 1 < kp) {
      th = sh[j + 1]!;
      tl = sl[j + 1]!;
    }
    const hh = th > ph ? th : ph;
    const ll = tl < pl ? tl : pl;
    if (++j === kp) {
      let mh = -Infinity;
      let ml = Infinity;
      for (let q = kp - 1; q >= 0; q--) {
        if (bh[q]! > mh) mh = bh[q]!;
        if (bl[q]! < ml) ml = bl[q]!;
        sh[q] = mh;
        sl[q] = ml;
      }
      j = 0;
      ph = -Infinity;
      pl = Infinity;
    }
    if (i < kp - 1) continue;
    const range = hh - ll;
    const fastK = range > 0 ? ((c[i]! - ll) / range) * 100 : 0;
    // %K and %D: ring-buffer running sums, re-summed on each wrap (as SmaState).
    if (kCount < ks) {
      kw[kCount++] = fastK;
      kSum += fastK;
      if (kCount < ks) continue;
    } else {
      const old = kw[kPos]!;
      kw[kPos] = fastK;
      if (++kPos === ks) {
        kPos = 0;
        kSum = 0;
        for (let j = 0; j < ks; j++) kSum += kw[j]!;
      } else kSum += fastK - old;
    }
    const kv = kSum / ks;
    if (dCount < dp) {
      dw[dCount++] = kv;
      dSum += kv;
      if (dCount < dp) continue;
    } else {
      const old = dw[dPos]!;
      dw[dPos] = kv;
      if (++dPos === dp) {
        dPos = 0;
        dSum = 0;
        for (let j = 0; j < dp; j++) dSum += dw[j]!;
      } else dSum += kv - old;
    }
    k[i] = kv;
    d[i] = dSum / dp;
  }
  return { k, d };
}

export function bareVwap(h: Float64Array, l: Float64Array, c: Float64Array, v: Float64Array) {
  const n = h.length;
  const out = new Float64Array(n);
  let pv = 0;
  let vol = 0;
  for (let i = 0; i < n; i++) {
    const w = v[i]!;
    pv += (h[i]! + l[i]! + c[i]!) * w;
    vol += w;
    out[i] = pv / (3 * vol);
  }
  return out;
}
