import { ADX as TiAdx } from 'technicalindicators';
import { ADX } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { Adx, adxBatch } from './adx';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { STOCKCHARTS_ADX } from './fixtures/published-examples-2';
import { randomCandles } from './fixtures/random-candles';

const candles = randomCandles(100_000, 17);
const { high, low, close } = candles;

/**
 * Independent reference in Wilder's own bookkeeping (as in StockCharts' sheet): running sums
 * TR14 = TR14 − TR14/14 + TR, DI from the sums, ADX = (ADX × 13 + DX) / 14.
 */
function referenceAdx(h: Float64Array, l: Float64Array, c: Float64Array, p: number) {
  const n = h.length;
  const adx = new Array<number>(n).fill(NaN);
  const plusDi = new Array<number>(n).fill(NaN);
  const minusDi = new Array<number>(n).fill(NaN);
  let tr14 = 0;
  let plus14 = 0;
  let minus14 = 0;
  const dxs: number[] = [];
  let prevAdx = NaN;
  for (let i = 1; i < n; i++) {
    const tr = Math.max(h[i]! - l[i]!, Math.abs(h[i]! - c[i - 1]!), Math.abs(l[i]! - c[i - 1]!));
    const up = h[i]! - h[i - 1]!;
    const down = l[i - 1]! - l[i]!;
    const pdm = up > down && up > 0 ? up : 0;
    const mdm = down > up && down > 0 ? down : 0;
    if (i <= p) {
      tr14 += tr;
      plus14 += pdm;
      minus14 += mdm;
      if (i < p) continue;
    } else {
      tr14 = tr14 - tr14 / p + tr;
      plus14 = plus14 - plus14 / p + pdm;
      minus14 = minus14 - minus14 / p + mdm;
    }
    const pdi = (100 * plus14) / tr14;
    const mdi = (100 * minus14) / tr14;
    const dx = (100 * Math.abs(pdi - mdi)) / (pdi + mdi);
    dxs.push(dx);
    if (dxs.length < p) continue;
    prevAdx = dxs.length === p ? dxs.reduce((a, b) => a + b, 0) / p : (prevAdx * (p - 1) + dx) / p;
    adx[i] = prevAdx;
    plusDi[i] = pdi;
    minusDi[i] = mdi;
  }
  return { adx, plusDi, minusDi };
}

describe('adxBatch', () => {
  it("reproduces StockCharts' ADX(14) table: +DI, −DI and ADX (7 decimals)", () => {
    const data = STOCKCHARTS_ADX;
    const out = adxBatch(f64(data.high), f64(data.low), f64(data.close), 14);
    expectWarmup(out.adx, 27);
    expectWarmup(out.plusDi, 27);
    const tol = 5e-7 + 1e-9;
    expectClose(out.adx, data.adx, { tol, abs: true });
    expectClose(out.plusDi, data.plusDi, { tol, abs: true });
    expectClose(out.minusDi, data.minusDi, { tol, abs: true });
  });

  it("agrees with an independent reference in Wilder's sum bookkeeping on 100k candles", () => {
    const out = adxBatch(high, low, close, 14);
    const ref = referenceAdx(high, low, close, 14);
    expectClose(out.adx, ref.adx);
    expectClose(out.plusDi, ref.plusDi);
    expectClose(out.minusDi, ref.minusDi);
  });

  it('agrees with trading-signals ADX once its different first-bar seed has decayed away', () => {
    // trading-signals counts the first bar as a zero move with TR = high − low (one bar earlier
    // than Wilder) and reports DI as a fraction; both differences vanish or scale out.
    const ref = new ADX(14);
    const rows = Array.from(high, (h, i) => {
      const adx = ref.add({ high: h, low: low[i]!, close: close[i]! }) ?? NaN;
      return { adx, pdi: (ref.pdi ?? NaN) * 100, mdi: (ref.mdi ?? NaN) * 100 };
    });
    const out = adxBatch(high, low, close, 14);
    const from = 2_000;
    expectClose(
      out.adx,
      rows.map((r) => r.adx),
      { from },
    );
    expectClose(
      out.plusDi,
      rows.map((r) => r.pdi),
      { from },
    );
    expectClose(
      out.minusDi,
      rows.map((r) => r.mdi),
      { from },
    );
  });

  it("agrees loosely with technicalindicators' ADX", () => {
    const n = 5_000;
    const ti = TiAdx.calculate({
      high: Array.from(high.subarray(0, n)),
      low: Array.from(low.subarray(0, n)),
      close: Array.from(close.subarray(0, n)),
      period: 14,
    });
    const out = adxBatch(high.subarray(0, n), low.subarray(0, n), close.subarray(0, n));
    const offset = n - ti.length;
    expectClose(
      out.adx.subarray(offset),
      ti.map((r) => r.adx),
      { tol: 1e-6 },
    );
    expectClose(
      out.plusDi.subarray(offset),
      ti.map((r) => r.pdi),
      { tol: 1e-6 },
    );
  });

  it('gives 0 for DI and ADX on a flat series instead of dividing by zero', () => {
    const flat = new Float64Array(40).fill(10);
    const out = adxBatch(flat, flat, flat, 5);
    expect([out.adx[39], out.plusDi[39], out.minusDi[39]]).toEqual([0, 0, 0]);
  });
});

describe('Adx (streaming)', () => {
  it('equals the batch exactly, field by field, and is NaN during warm-up', () => {
    const adx = new Adx(14);
    expect(adx.warmup).toBe(27);
    const n = high.length;
    const a = new Float64Array(n);
    const p = new Float64Array(n);
    const m = new Float64Array(n);
    const returned = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      returned[i] = adx.update(high[i]!, low[i]!, close[i]!);
      a[i] = adx.adx;
      p[i] = adx.plusDi;
      m[i] = adx.minusDi;
    }
    const batch = adxBatch(high, low, close, 14);
    expectIdentical(returned, batch.adx);
    expectIdentical(a, batch.adx);
    expectIdentical(p, batch.plusDi);
    expectIdentical(m, batch.minusDi);
    expectWarmup(batch.minusDi, 27);
    expect(adx.isReady).toBe(true);
  });
});
