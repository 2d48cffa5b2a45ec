import type { ReactNode } from 'react';

const tones = {
  error: 'border-loss/40 bg-loss/10 text-red-200',
  info: 'border-accent/40 bg-accent/10 text-blue-100',
  success: 'border-profit/40 bg-profit/10 text-green-100',
  warning: 'border-amber-500/50 bg-amber-500/10 text-amber-100',
} as const;

export function Alert({
  tone = 'info',
  children,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded-md border px-3 py-2 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
}
