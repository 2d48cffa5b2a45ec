'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { RealtimeEvent } from '@/lib/realtime/events';
import { useRealtimeConnection } from '@/components/realtime/realtime-provider';

const DEFAULT_EVENTS: readonly RealtimeEvent[] = [
  'bot:status',
  'cycle:finished',
  'decision:made',
  'signal:decided',
  'order:updated',
  'position:opened',
  'position:closed',
];

/**
 * Re-reads the server-rendered page when a live event arrives (debounced), and every
 * `intervalMs` for prices. Server components stay the single source of what a page shows.
 */
export function LiveRefresh({
  events = DEFAULT_EVENTS,
  intervalMs = 15_000,
  filter,
}: {
  events?: readonly RealtimeEvent[];
  intervalMs?: number;
  /** Only refresh for events about this bot (when the payload names one). */
  filter?: { botId: string };
}) {
  const router = useRouter();
  const connection = useRealtimeConnection();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const botId = filter?.botId;

  useEffect(() => {
    const schedule = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        router.refresh();
      }, 300);
    };
    const offs = events.map((event) =>
      connection.on(event, (payload) => {
        const about = (payload as { botId?: string | null }).botId;
        if (botId && about !== undefined && about !== null && about !== botId) return;
        schedule();
      }),
    );
    const interval = intervalMs > 0 ? setInterval(schedule, intervalMs) : null;
    return () => {
      offs.forEach((off) => off());
      if (interval) clearInterval(interval);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [connection, events, intervalMs, router, botId]);

  return null;
}
