import type { ReactNode } from 'react';

/** The centred frame of the signed-out pages (setup, sign in, register). */
export function AuthFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-accent">Osprey</p>
          <h1 className="mt-2 text-2xl font-bold text-slate-100">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-slate-400">{subtitle}</p>}
        </div>
        <div className="rounded-lg border border-surface-border bg-surface-raised p-6">
          {children}
        </div>
      </div>
    </main>
  );
}
