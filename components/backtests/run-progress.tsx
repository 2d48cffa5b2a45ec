'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ProgressBar } from './progress-bar';
import { useBacktestProgress } from './use-backtest-progress';

/** The run page's live progress while the worker runs it; the page refreshes when it ends. */
export function RunProgress({
  id,
  initial,
  status,
}: {
  id: string;
  initial: number;
  status: string;
}) {
  const live = useBacktestProgress();
  const router = useRouter();
  // a fallback for an end that happened before the socket joined: re-read the run now and then
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-300">
        {status === 'queued' ? 'Waiting for a worker…' : 'Running…'}
      </p>
      <ProgressBar percent={live[id] ?? initial} label="Backtest progress" />
    </div>
  );
}
