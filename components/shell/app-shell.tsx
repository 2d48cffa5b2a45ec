import type { ReactNode } from 'react';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/** The signed-in frame: navigation on the left, the page on the right. */
export function AppShell({
  user,
  children,
}: {
  user: { name: string; email: string; role: string };
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col border-r border-surface-border bg-surface-raised p-4">
        <p className="mb-6 px-3 text-lg font-bold tracking-wide text-slate-100">Osprey</p>
        <NavLinks isAdmin={user.role === 'admin'} />
        <div className="mt-auto border-t border-surface-border pt-4">
          <p className="truncate px-3 text-sm text-slate-200" title={user.email}>
            {user.name}
          </p>
          <p className="mb-2 px-3 text-xs uppercase tracking-wide text-slate-500">{user.role}</p>
          <SignOutButton />
        </div>
      </aside>
      <main className="flex-1 overflow-x-auto p-8">{children}</main>
    </div>
  );
}
