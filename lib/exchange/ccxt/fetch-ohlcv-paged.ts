/**
 * Candles for [since, until) fetched page by page past the venue's per-call limit: each page starts
 * one candle after the last one received; stops at `until`, at `limit`, or when a page comes back
 * short (the venue has nothing more).
 */
import { type Candle } from '../../core/types';

export interface PagedOhlcvRequest {
  since: number;
  /** Exclusive end, epoch ms. */
  until: number;
  limit?: number;
  timeframeMs: number;
  pageLimit: number;
}

/** Fetches up to `limit` candles opening at or after `since` and before `until`. */
export type FetchCandlePage = (since: number, limit: number, until: number) => Promise<Candle[]>;

export async function fetchOhlcvPaged(
  fetchPage: FetchCandlePage,
  request: PagedOhlcvRequest,
): Promise<Candle[]> {
  const out: Candle[] = [];
  let cursor = request.since;
  const wanted = request.limit ?? Infinity;
  while (cursor < request.until && out.length < wanted) {
    const size = Math.min(request.pageLimit, wanted - out.length);
    const page = await fetchPage(cursor, size, request.until);
    const fresh = page.filter((c) => c.time >= cursor && c.time < request.until);
    out.push(...fresh.slice(0, wanted - out.length));
    const last = fresh.at(-1);
    if (!last || page.length < size) break;
    cursor = last.time + request.timeframeMs;
  }
  return out;
}
