import type { ReactNode } from 'react';

const tones = {
  neutral: 'border-slate-600/60 bg-slate-700/30 text-slate-300',
  info: 'border-accent/40 bg-accent/15 text-blue-200',
  profit: 'border-profit/40 bg-profit/15 text-green-200',
  loss: 'border-loss/40 bg-loss/15 text-red-200',
  warn: 'border-amber-500/40 bg-amber-500/15 text-amber-200',
} as const;

export type BadgeTone = keyof typeof tones;

/** A small status pill (bot status, order status, signal decision…). */
export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}
    >
      {children}
    </span>
  );
}
