/**
 * The floor for `bench/core.bench.ts`: each indicator's arithmetic written as one bare loop over
 * typed arrays with local variables (no state objects, no step functions), same algorithm and
 * same outputs as `lib/core/indicators`. Multi-output indicators fill the same output columns.
 */

export function bareSma(x: Float64Array, p: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const w = new Float64Array(p);
  let sum = 0;
  let pos = 0;
  let i = 0;
  for (; i < n && i < p; i++) {
    w[i] = x[i]!;
    sum += x[i]!;
    out[i] = NaN;
  }
  if (i === p) out[p - 1] = sum / p;
  for (; i < n; i++) {
    const v = x[i]!;
    const old = w[pos]!;
    w[pos] = v;
    if (++pos === p) {
      pos = 0;
      sum = 0;
      for (let j = 0; j < p; j++) sum += w[j]!;
    } else sum += v - old;
    out[i] = sum / p;
  }
  return out;
}

export function bareEma(x: Float64Array, p: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const a = 2 / (p + 1);
  const b = 1 - a;
  let ema = 0;
  let i = 0;
  for (; i < n && i < p; i++) {
    ema += x[i]!;
    out[i] = NaN;
  }
  if (i === p) out[p - 1] = ema /= p;
  for (; i < n; i++) out[i] = ema = a * x[i]! + b * ema;
  return out;
}

export function bareRsi(x: Float64Array, p: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const inv = 1 / p;
  const keep = (p - 1) / p;
  let g = 0;
  let l = 0;
  let i = 0;
  for (; i < n && i <= p; i++) {
    out[i] = NaN;
    if (i === 0) continue;
    const ch = x[i]! - x[i - 1]!;
    const size = Math.abs(ch);
    g += (ch + size) * 0.5;
    l += (size - ch) * 0.5;
  }
  if (i === p + 1) {
    g *= inv;
    l *= inv;
    out[p] = l === 0 ? 100 : (100 * g) / (g + l);
  }
  for (; i < n; i++) {
    const ch = x[i]! - x[i - 1]!;
    const size = Math.abs(ch);
    g = g * keep + (ch + size) * 0.5 * inv;
    l = l * keep + (size - ch) * 0.5 * inv;
    out[i] = l === 0 ? 100 : (100 * g) / (g + l);
  }
  return out;
}

export function bareMacd(x: Float64Array, fp: number, sp: number, gp: number) {
  const n = x.length;
  const macd = new Float64Array(n).fill(NaN);
  const signal = new Float64Array(n).fill(NaN);
  const histogram = new Float64Array(n).fill(NaN);
  const fa = 2 / (fp + 1);
  const sa = 2 / (sp + 1);
  const ga = 2 / (gp + 1);
  const fb = 1 - fa;
  const sb = 1 - sa;
  const gb = 1 - ga;
  let f = 0;
  let s = 0;
  let g = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (i < fp) {
      f += v;
      if (i === fp - 1) f /= fp;
    } else f = fa * v + fb * f;
    if (i < sp) {
      s += v;
      if (i < sp - 1) continue;
      s /= sp;
    } else s = sa * v + sb * s;
    const line = f - s;
    const k = i - (sp - 1);
    if (k < gp) {
      g += line;
      if (k < gp - 1) continue;
      g /= gp;
    } else g = ga * line + gb * g;
    macd[i] = line;
    signal[i] = g;
    histogram[i] = line - g;
  }
  return { macd, signal, histogram };
}

export function bareBollinger(x: Float64Array, p: number, mult: number) {
  const n = x.length;
  const upper = new Float64Array(n).fill(NaN);
  const middle = new Float64Array(n).fill(NaN);
  const lower = new Float64Array(n).fill(NaN);
  const w = new Float64Array(p);
  let pos = 0;
  let k = 0;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    let resync = false;
    if (i < p) {
      w[i] = v;
      if (i < p - 1) continue;
      resync = true;
    } else {
      const old = w[pos]!;
      w[pos] = v;
      if (++pos === p) {
        pos = 0;
        resync = true;
      } else {
        const d = v - k;
        const e = old - k;
        sum += d - e;
        sq += d * d - e * e;
      }
    }
    if (resync) {
      let t = 0;
      for (let j = 0; j < p; j++) t += w[j]!;
      k = t / p;
      sum = 0;
      sq = 0;
      for (let j = 0; j < p; j++) {
        const d = w[j]! - k;
        sum += d;
        sq += d * d;
      }
    }
    const md = sum / p;
    const variance = sq / p - md * md;
    const width = mult * Math.sqrt(variance > 0 ? variance : 0);
    const mid = k + md;
    middle[i] = mid;
    upper[i] = mid + width;
    lower[i] = mid - width;
  }
  return { upper, middle, lower };
}

export function bareAtr(h: Float64Array, l: Float64Array, c: Float64Array, p: number) {
  const n = h.length;
  const out = new Float64Array(n);
  const inv = 1 / p;
  const keep = (p - 1) / p;
  let atr = 0;
  let i = 0;
  for (; i < n && i < p; i++) {
    let tr = h[i]! - l[i]!;
    if (i > 0) {
      const pc = c[i - 1]!;
      if (h[i]! - pc > tr) tr = h[i]! - pc;
      if (pc - l[i]! > tr) tr = pc - l[i]!;
    }
    atr += tr;
    out[i] = NaN;
  }
  if (i === p) out[p - 1] = atr *= inv;
  for (; i < n; i++) {
    const pc = c[i - 1]!;
    let tr = h[i]! - l[i]!;
    if (h[i]! - pc > tr) tr = h[i]! - pc;
    if (pc - l[i]! > tr) tr = pc - l[i]!;
    out[i] = atr = atr * keep + tr * inv;
  }
  return out;
}

export function bareAdx(h: Float64Array, l: Float64Array, c: Float64Array, p: number) {
  const n = h.length;
  const adx = new Float64Array(n).fill(NaN);
  const plusDi = new Float64Array(n).fill(NaN);
  const minusDi = new Float64Array(n).fill(NaN);
  const inv = 1 / p;
  const keep = (p - 1) / p;
  let tr = 0;
  let pdm = 0;
  let mdm = 0;
  let a = 0;
  for (let i = 1; i < n; i++) {
    const up = h[i]! - h[i - 1]!;
    const down = l[i - 1]! - l[i]!;
    const pc = c[i - 1]!;
    let t = h[i]! - l[i]!;
    if (h[i]! - pc > t) t = h[i]! - pc;
    if (pc - l[i]! > t) t = pc - l[i]!;
    const pm = up > down && up > 0 ? up : 0;
    const mm = down > up && down > 0 ? down : 0;
    if (i <= p) {
      tr += t;
      pdm += pm;
      mdm += mm;
      if (i < p) continue;
      tr *= inv;
      pdm *= inv;
      mdm *= inv;
    } else {
      tr = tr * keep + t * inv;
      pdm = pdm * keep + pm * inv;
      mdm = mdm * keep + mm * inv;
    }
    const pdi = tr > 0 ? (100 * pdm) / tr : 0;
    const mdi = tr > 0 ? (100 * mdm) / tr : 0;
    const sum = pdi + mdi;
    const dx = sum > 0 ? (100 * Math.abs(pdi - mdi)) / sum : 0;
    if (i < 2 * p) {
      a += dx;
      if (i < 2 * p - 1) continue;
      a *= inv;
    } else a = a * keep + dx * inv;
    adx[i] = a;
    plusDi[i] = pdi;
    minusDi[i] = mdi;
  }
  return { adx, plusDi, minusDi };
}
