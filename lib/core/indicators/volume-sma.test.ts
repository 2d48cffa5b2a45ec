import { SMA } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { expectClose, expectIdentical, expectWarmup, f64 } from './fixtures/expect-series';
import { randomCandles } from './fixtures/random-candles';
import { VolumeSma, volumeSmaBatch } from './volume-sma';

const { volume } = randomCandles(100_000, 19);

describe('volumeSmaBatch', () => {
  it('matches a hand-computed example: 3-bar average volume', () => {
    // (100 + 200 + 600) / 3 = 300; (200 + 600 + 0) / 3 = 266.67; (600 + 0 + 300) / 3 = 300
    const out = volumeSmaBatch(f64([100, 200, 600, 0, 300]), 3);
    expectClose(out, [NaN, NaN, 300, 800 / 3, 300], { tol: 1e-12 });
  });

  it('agrees with trading-signals SMA(20) on 100k random volumes', () => {
    const ref = new SMA(20);
    expectClose(
      volumeSmaBatch(volume),
      Array.from(volume, (v) => ref.add(v) ?? NaN),
    );
  });
});

describe('VolumeSma (streaming)', () => {
  it('defaults to 20 bars, equals the batch exactly and is NaN during warm-up', () => {
    const sma = new VolumeSma();
    expect(sma.warmup).toBe(19);
    const batch = volumeSmaBatch(volume);
    expectIdentical(
      volume.map((v) => sma.update(v)),
      batch,
    );
    expectWarmup(batch, 19);
  });
});
