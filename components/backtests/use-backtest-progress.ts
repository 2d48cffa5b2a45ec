'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useRealtimeEvent } from '@/components/realtime/use-realtime-event';

/**
 * Live progress of this user's backtests from `job:progress` events: percent per run id. When a
 * run ends the page's server data is refreshed so its row or result appears without a reload.
 */
export function useBacktestProgress(): Record<string, number> {
  const router = useRouter();
  const [percent, setPercent] = useState<Record<string, number>>({});
  useRealtimeEvent('job:progress', (event) => {
    if (event.kind !== 'backtest') return;
    setPercent((current) => ({ ...current, [event.jobId]: event.percent }));
    if (event.status === 'completed' || event.status === 'failed') router.refresh();
  });
  return percent;
}
