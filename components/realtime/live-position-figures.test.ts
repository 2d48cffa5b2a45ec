import { describe, expect, it } from 'vitest';
import { livePositionFigures } from './live-position-figures';

describe('a bot card moved to a live price', () => {
  it('moves the P&L by the price change and keeps the exact entry cost', () => {
    // 0.5 BTC rendered at 30,000 with P&L +980 (entry cost 14,020 incl. fees).
    const position = {
      quantity: '0.5',
      entryPrice: '28000',
      pnl: 980,
      pnlPct: (980 / 14020) * 100,
    };
    const live = livePositionFigures({ price: 30000, position }, 30100);
    expect(live.price).toBe(30100);
    expect(live.position!.pnl).toBeCloseTo(1030, 9);
    expect(live.position!.pnlPct).toBeCloseTo((1030 / 14020) * 100, 9);
  });

  it('falls back to the entry price when the server had no price, and shows flat bots’ price', () => {
    const position = { quantity: '2', entryPrice: '100', pnl: null, pnlPct: null };
    expect(livePositionFigures({ price: null, position }, 90).position).toMatchObject({
      pnl: -20,
      pnlPct: -10,
    });
    expect(livePositionFigures({ price: 5, position: null }, 6)).toEqual({
      price: 6,
      position: null,
    });
  });
});
