'use client';

import { skipToken, useQuery } from '@tanstack/react-query';
import type { PriceTickEvent } from '@/lib/realtime/events';
import { queryKeys } from '@/lib/realtime/query-keys';

/**
 * The latest `price:tick` for an account's symbol, or undefined until one arrives. Nothing is
 * fetched: the realtime provider writes ticks into this query's cache entry.
 */
export function useLivePrice(accountId: string, symbol: string): PriceTickEvent | undefined {
  const { data } = useQuery<PriceTickEvent>({
    queryKey: queryKeys.prices.account(accountId, symbol),
    queryFn: skipToken,
    staleTime: Infinity,
  });
  return data;
}
