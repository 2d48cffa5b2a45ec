import type { ReactNode } from 'react';

/** What a list shows when it has nothing yet: what is missing and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-md border border-dashed border-surface-border px-6 py-10 text-center">
      <p className="text-sm font-medium text-slate-200">{title}</p>
      {children && <div className="mt-1 max-w-md text-sm text-slate-400">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
