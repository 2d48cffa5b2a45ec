import { describe, expect, it } from 'vitest';
import type { PriceTickEvent } from './events';
import { createPriceTicks } from './price-ticks';

const tick = (accountId: string, symbol: string, price: string): PriceTickEvent => ({
  accountId,
  venue: 'paper',
  symbol,
  price,
  time: '2030-01-01T00:00:00.000Z',
});

describe('price ticks', () => {
  it('send at most one tick per user, account and symbol per gap', async () => {
    let now = 0;
    const sent: string[] = [];
    const ticks = createPriceTicks(
      (userId, t) =>
        Promise.resolve(void sent.push(`${userId} ${t.accountId} ${t.symbol} ${t.price}`)),
      { gapMs: 5_000, clock: () => now },
    );
    expect(await ticks.offer('u1', tick('a1', 'BTC/USDT', '1'))).toBe(true);
    expect(await ticks.offer('u1', tick('a1', 'BTC/USDT', '2'))).toBe(false);
    expect(await ticks.offer('u1', tick('a1', 'ETH/USDT', '3'))).toBe(true);
    expect(await ticks.offer('u2', tick('a2', 'BTC/USDT', '4'))).toBe(true);
    now = 5_000;
    expect(await ticks.offer('u1', tick('a1', 'BTC/USDT', '5'))).toBe(true);
    now = 100_000;
    expect(await ticks.offer('u1', tick('a1', 'BTC/USDT', '6'))).toBe(true);
    expect(sent).toEqual([
      'u1 a1 BTC/USDT 1',
      'u1 a1 ETH/USDT 3',
      'u2 a2 BTC/USDT 4',
      'u1 a1 BTC/USDT 5',
      'u1 a1 BTC/USDT 6',
    ]);
  });

  it('never reject when sending fails', async () => {
    const ticks = createPriceTicks(() => Promise.reject(new Error('database down')));
    expect(await ticks.offer('u1', tick('a1', 'BTC/USDT', '1'))).toBe(false);
  });
});
