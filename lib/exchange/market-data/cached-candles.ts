/**
 * Closed candles served from the PostgreSQL cache, fetching only what is missing from the feed.
 *
 * - Live data: cached rows (`live`, or `csv` imported by a user) are served as they are; missing
 *   runs are fetched from the feed and upserted. A run the feed could not fill stays a gap and
 *   is reported (`no_data`: the venue has nothing there; `fetch_failed`: it could not be asked),
 *   never papered over.
 * - Simulated data is computable at any time and the same everywhere, so by default it is not
 *   stored: the cache is bypassed. `cacheSimulated: true` stores and serves it (source
 *   `simulated`), kept apart from live rows.
 * - One answer never mixes sources: if an `auto` feed falls back to simulated while filling a
 *   live series, the unfilled runs are reported as gaps.
 */
import { type Candle } from '../../core/types';
import { readCandles, upsertCandles } from '../../db/queries/candles';
import type { Db } from '../../db/client';
import { type CandleSource } from '../../db/schema';
import { type OhlcvRequest } from '../types';
import { candleRange } from './candle-range';
import { findGaps, type TimeRun } from './find-gaps';
import { type MarketDataFeed, type MarketDataSource } from './types';

export interface CandleGap extends TimeRun {
  reason: 'no_data' | 'fetch_failed';
  /** Why the fetch failed (`fetch_failed` only). */
  error?: string;
}

export interface CachedCandlesResult {
  candles: Candle[];
  gaps: CandleGap[];
  source: MarketDataSource;
  /** Candles served from the cache and candles fetched from the feed in this call. */
  fromCache: number;
  fetched: number;
}

export interface CachedCandlesOptions {
  /** Store simulated candles too (default false: they are recomputed on demand). */
  cacheSimulated?: boolean;
}

export interface CachedCandles {
  candles(request: OhlcvRequest, now: number): Promise<CachedCandlesResult>;
}

const ACCEPTED: Record<MarketDataSource, readonly CandleSource[]> = {
  live: ['live', 'csv'],
  simulated: ['simulated'],
};

export function cachedCandles(
  feed: MarketDataFeed,
  db: Db,
  options: CachedCandlesOptions = {},
): CachedCandles {
  return {
    async candles(request, now) {
      const range = candleRange(request, now);
      const source = feed.source();
      const empty = { candles: [], gaps: [], source, fromCache: 0, fetched: 0 };
      if (range.to <= range.from) return empty;
      const series = { venue: feed.venue, symbol: request.symbol, timeframe: request.timeframe };

      if (source === 'simulated' && !options.cacheSimulated) {
        const fresh = await feed.candles({ ...series, since: range.from, until: range.to }, now);
        const gaps = findGaps(
          fresh.map((c) => c.time),
          range,
        ).map((g) => ({ ...g, reason: 'no_data' as const }));
        return { candles: fresh, gaps, source, fromCache: 0, fetched: fresh.length };
      }

      const accepted = ACCEPTED[source];
      const cached = (await readCandles(db, { ...series, from: range.from, to: range.to })).filter(
        (c) => accepted.includes(c.source),
      );
      const byTime = new Map<number, Candle>(
        cached.map(({ source: _source, ...candle }) => [candle.time, candle]),
      );
      const failed: CandleGap[] = [];
      let fetched = 0;
      for (const run of findGaps([...byTime.keys()], range)) {
        try {
          const fresh = await feed.candles({ ...series, since: run.from, until: run.to }, now);
          if (feed.source() !== source) {
            failed.push({
              ...run,
              reason: 'fetch_failed',
              error: `the feed switched to ${feed.source()} data`,
            });
            continue;
          }
          const inRun = fresh.filter(
            (c) => c.time >= run.from && c.time < run.to && !byTime.has(c.time),
          );
          await upsertCandles(db, { ...series, source, candles: inRun });
          for (const candle of inRun) byTime.set(candle.time, candle);
          fetched += inRun.length;
        } catch (error) {
          failed.push({
            ...run,
            reason: 'fetch_failed',
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }

      const candles = [...byTime.values()].sort((a, b) => a.time - b.time);
      const gaps = findGaps(
        candles.map((c) => c.time),
        range,
      ).map((gap): CandleGap => {
        const failure = failed.find((f) => gap.from >= f.from && gap.to <= f.to);
        return failure
          ? { ...gap, reason: 'fetch_failed', error: failure.error }
          : { ...gap, reason: 'no_data' };
      });
      return { candles, gaps, source, fromCache: cached.length, fetched };
    },
  };
}
