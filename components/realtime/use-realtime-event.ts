'use client';

import { useEffect, useRef } from 'react';
import type { RealtimeEvent } from '@/lib/realtime/events';
import type { RealtimeHandler } from './realtime-connection';
import { useRealtimeConnection } from './realtime-provider';

/**
 * Runs `handler` for every `event` this user receives while the component is mounted (e.g. a
 * toast on `position:closed`, a progress bar on `job:progress`). Cache updates happen anyway in
 * the provider; use this for what a page does on top. The latest handler is always called, so it
 * need not be memoised.
 */
export function useRealtimeEvent<E extends RealtimeEvent>(
  event: E,
  handler: RealtimeHandler<E>,
): void {
  const connection = useRealtimeConnection();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => connection.on(event, (payload) => latest.current(payload)), [connection, event]);
}
