import type { ReactNode } from 'react';

/** A labelled key figure (equity, P&L, win rate…); `valueClass` carries the profit/loss colour. */
export function Stat({
  label,
  value,
  valueClass = 'text-slate-100',
  hint,
}: {
  label: string;
  value: ReactNode;
  valueClass?: string;
  hint?: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-surface-border bg-surface-raised px-4 py-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-400">{label}</p>
      <p className={`mt-1 font-mono text-xl font-semibold tabular-nums ${valueClass}`}>{value}</p>
      {hint && <p className="mt-0.5 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
