'use client';

import type { RealtimeStatus } from './realtime-connection';
import { useRealtimeStatus } from './realtime-provider';

const looks: Record<RealtimeStatus, { dot: string; label: string }> = {
  connected: { dot: 'bg-profit', label: 'Live' },
  connecting: { dot: 'bg-slate-500 animate-pulse', label: 'Connecting…' },
  reconnecting: { dot: 'bg-amber-400 animate-pulse', label: 'Reconnecting…' },
  unauthorized: { dot: 'bg-loss', label: 'Offline (signed out)' },
  idle: { dot: 'bg-slate-600', label: 'Offline' },
};

/** A dot and a word: whether live updates are flowing. */
export function RealtimeStatusIndicator() {
  const status = useRealtimeStatus();
  const look = looks[status];
  return (
    <span
      role="status"
      className="inline-flex items-center gap-2 text-xs text-slate-400"
      title={`Live updates: ${status}`}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}
