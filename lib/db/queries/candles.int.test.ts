import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db/test-database';
import { type Candle } from '../../core/types';
import { deleteCandles, readCandles, upsertCandles } from './candles';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const M = 60_000;
const T0 = Date.UTC(2024, 0, 1);
const series = { venue: 'binance', symbol: 'BTC/USDT', timeframe: '1m' as const };

function candle(i: number, price = 42_000.12): Candle {
  return {
    time: T0 + i * M,
    open: price,
    high: price + 10.5,
    low: price - 0.01,
    close: price + 1,
    volume: 0.00000123 + i,
  };
}

describe('candle cache queries', () => {
  it('upserts in batches and reads back exactly, oldest first, within [from, to)', async () => {
    const candles = Array.from({ length: 2500 }, (_, i) => candle(i));
    expect(await upsertCandles(t.db, { ...series, source: 'live', candles })).toBe(2500);
    const read = await readCandles(t.db, { ...series, from: T0, to: T0 + 2500 * M });
    expect(read).toHaveLength(2500);
    expect(read[0]).toEqual({ ...candles[0], source: 'live' });
    expect(read[2499]).toEqual({ ...candles[2499], source: 'live' });
    const window = await readCandles(t.db, { ...series, from: T0 + 10 * M, to: T0 + 13 * M });
    expect(window.map((c) => c.time)).toEqual([10, 11, 12].map((i) => T0 + i * M));
    expect(
      await readCandles(t.db, { ...series, from: T0, to: T0 + 2500 * M, limit: 3 }),
    ).toHaveLength(3);
  });

  it('replaces a candle at the same key, including its source', async () => {
    await upsertCandles(t.db, { ...series, source: 'csv', candles: [candle(5, 100)] });
    const [row] = await readCandles(t.db, { ...series, from: T0 + 5 * M, to: T0 + 6 * M });
    expect(row).toEqual({ ...candle(5, 100), source: 'csv' });
    const [counted] = await t.sql<
      { count: string }[]
    >`select count(*) from candles where symbol = 'BTC/USDT'`;
    expect(Number(counted?.count)).toBe(2500);
  });

  it('stores tiny and huge numbers without exponent notation', async () => {
    const tiny = {
      time: T0,
      open: 1e-8,
      high: 2e-8,
      low: 1e-8,
      close: 2e-8,
      volume: 123456789012.5,
    };
    await upsertCandles(t.db, {
      venue: 'binance',
      symbol: 'SHIB/USDT',
      timeframe: '1h',
      source: 'live',
      candles: [tiny],
    });
    const [stored] = await t.sql<
      { open: string; volume: string }[]
    >`select open::text, volume::text from candles where symbol = 'SHIB/USDT'`;
    expect(stored?.open).toBe('0.000000010000000000');
    expect(stored?.volume).toBe('123456789012.500000000000000000');
    expect(
      await readCandles(t.db, {
        venue: 'binance',
        symbol: 'SHIB/USDT',
        timeframe: '1h',
        from: T0,
        to: T0 + 3_600_000,
      }),
    ).toEqual([{ ...tiny, source: 'live' }]);
  });

  it('keeps series apart by venue, symbol and timeframe', async () => {
    expect(
      await readCandles(t.db, { ...series, venue: 'paper', from: T0, to: T0 + 10 * M }),
    ).toEqual([]);
    expect(
      await readCandles(t.db, { ...series, timeframe: '5m', from: T0, to: T0 + 10 * M }),
    ).toEqual([]);
    expect(
      await readCandles(t.db, { ...series, symbol: 'ETH/USDT', from: T0, to: T0 + 10 * M }),
    ).toEqual([]);
  });

  it('refuses an inconsistent candle', async () => {
    const bad = { time: T0, open: 10, high: 9, low: 8, close: 10, volume: 1 };
    await expect(
      upsertCandles(t.db, { ...series, symbol: 'BAD/USDT', source: 'csv', candles: [bad] }),
    ).rejects.toThrow();
  });

  it('deletes a range', async () => {
    expect(await deleteCandles(t.db, { ...series, from: T0, to: T0 + 100 * M })).toBe(100);
    expect(await readCandles(t.db, { ...series, from: T0, to: T0 + 101 * M })).toHaveLength(1);
  });
});
