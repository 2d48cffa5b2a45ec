import { describe, expect, it } from 'vitest';
import { LiquidityPools } from './liquidity-pools';
import { type SwingPoint } from './types';

const high = (price: number, index: number): SwingPoint => ({
  kind: 'high',
  price,
  index,
  time: index,
  confirmedAt: index + 3,
});
const low = (price: number, index: number): SwingPoint => ({ ...high(price, index), kind: 'low' });

describe('LiquidityPools', () => {
  it('groups two swing highs within the tolerance into an equal-highs zone at the higher one', () => {
    const p = new LiquidityPools(0.1, 200);
    p.addSwing(high(100, 10));
    p.addSwing(high(100.05, 30));
    p.addSwing(high(103, 40)); // alone: no zone
    p.update(50, 99, 97);
    expect(p.zones(50, 98, 3)).toEqual({
      equalHighs: [
        {
          kind: 'equal-highs',
          price: 100.05,
          touches: 2,
          ageBars: 20,
          distancePct: ((100.05 - 98) / 98) * 100,
        },
      ],
      equalLows: [],
    });
  });

  it('drops swings that price sweeps beyond the tolerance, but not by an equal high', () => {
    const p = new LiquidityPools(0.1, 200);
    p.addSwing(high(100, 10));
    p.addSwing(high(100.05, 30));
    p.update(31, 100.08, 99); // 100.08 is within 0.1% of 100: not a sweep
    expect(p.zones(31, 99.5, 3).equalHighs[0]?.touches).toBe(2);
    p.update(32, 100.2, 99); // beyond 100.05 × 1.001 = 100.15: both swept
    expect(p.zones(32, 99.5, 3).equalHighs).toEqual([]);
  });

  it('finds equal lows at the lower one, nearest zone first', () => {
    const p = new LiquidityPools(0.1, 200);
    for (const [price, index] of [
      [90, 5],
      [90.05, 9],
      [95, 12],
      [95.02, 20],
      [95.04, 25],
    ] as const) {
      p.addSwing(low(price, index));
    }
    p.update(30, 99, 97);
    const lows = p.zones(30, 98, 3).equalLows;
    expect(lows.map((z) => [z.price, z.touches, z.ageBars])).toEqual([
      [95, 3, 5],
      [90, 2, 21],
    ]);
  });

  it('forgets swings older than the lookback', () => {
    const p = new LiquidityPools(0.1, 20);
    p.addSwing(high(100, 10));
    p.addSwing(high(100, 25));
    p.update(30, 99, 98);
    expect(p.zones(30, 99, 3).equalHighs).toHaveLength(1);
    p.update(31, 99, 98); // swing at 10 is now 21 bars old
    expect(p.zones(31, 99, 3).equalHighs).toEqual([]);
  });
});
