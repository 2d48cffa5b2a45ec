import { describe, expect, it } from 'vitest';
import { type Candle } from '../../core/types';
import { fetchOhlcvPaged } from './fetch-ohlcv-paged';

const MIN = 60_000;
const candle = (time: number): Candle => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 1 });

/** A venue with candles from `first` to `last` (open times), at most `max` per call. */
function venue(first: number, last: number, max: number) {
  const calls: { since: number; limit: number; until: number }[] = [];
  const page = (since: number, limit: number, until: number) => {
    calls.push({ since, limit, until });
    const out: Candle[] = [];
    for (
      let t = Math.max(first, since);
      t <= last && t < until && out.length < Math.min(limit, max);
      t += MIN
    )
      out.push(candle(t));
    return Promise.resolve(out);
  };
  return { calls, page };
}

describe('fetchOhlcvPaged', () => {
  it('walks the range in pages of the venue limit', async () => {
    const v = venue(0, 10_000 * MIN, 1000);
    const candles = await fetchOhlcvPaged(v.page, {
      since: 0,
      until: 2500 * MIN,
      timeframeMs: MIN,
      pageLimit: 1000,
    });
    expect(candles).toHaveLength(2500);
    expect(v.calls.map((c) => c.since)).toEqual([0, 1000 * MIN, 2000 * MIN]);
  });

  it('stops at the limit, asking only for what is still wanted', async () => {
    const v = venue(0, 10_000 * MIN, 1000);
    const candles = await fetchOhlcvPaged(v.page, {
      since: 0,
      until: 9_000 * MIN,
      limit: 1200,
      timeframeMs: MIN,
      pageLimit: 1000,
    });
    expect(candles).toHaveLength(1200);
    expect(v.calls.map((c) => c.limit)).toEqual([1000, 200]);
  });

  it('stops when the venue runs out (short page) and when nothing comes back', async () => {
    const v = venue(0, 1499 * MIN, 1000);
    expect(
      await fetchOhlcvPaged(v.page, {
        since: 0,
        until: 5000 * MIN,
        timeframeMs: MIN,
        pageLimit: 1000,
      }),
    ).toHaveLength(1500);
    expect(v.calls).toHaveLength(2);
    const empty = venue(10 * MIN, 5 * MIN, 1000);
    expect(
      await fetchOhlcvPaged(empty.page, {
        since: 0,
        until: 5000 * MIN,
        timeframeMs: MIN,
        pageLimit: 1000,
      }),
    ).toEqual([]);
    expect(empty.calls).toHaveLength(1);
  });

  it('drops candles outside [since, until) that a venue returns anyway', async () => {
    const sloppy = () => Promise.resolve([candle(-MIN), candle(0), candle(MIN), candle(2 * MIN)]);
    const candles = await fetchOhlcvPaged(sloppy, {
      since: 0,
      until: 2 * MIN,
      timeframeMs: MIN,
      pageLimit: 1000,
    });
    expect(candles.map((c) => c.time)).toEqual([0, MIN]);
  });
});
