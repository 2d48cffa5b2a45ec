import type { ReactNode } from 'react';

export function Card({
  title,
  children,
  className = '',
}: {
  title?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`rounded-lg border border-surface-border bg-surface-raised p-6 ${className}`}
    >
      {title && <h2 className="mb-4 text-lg font-semibold text-slate-100">{title}</h2>}
      {children}
    </section>
  );
}
