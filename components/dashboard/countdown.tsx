'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/format';

/** Seconds until `target`, ticking each second; "due" once it has passed. */
export function Countdown({ target }: { target: string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  if (!target) return <span className="text-slate-500">—</span>;
  if (now === null) return <span className="text-slate-500">…</span>;
  const ms = new Date(target).getTime() - now;
  return <span className="font-mono tabular-nums">{ms <= 0 ? 'due' : formatDuration(ms)}</span>;
}
