import type { ReactNode } from 'react';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

/**
 * The signed-in frame: navigation on the left, the page on the right; below 1024 px (tablets)
 * the navigation is a bar across the top, so the page keeps the full width.
 */
export function AppShell({
  user,
  children,
}: {
  user: { name: string; email: string; role: string };
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <aside className="flex shrink-0 flex-wrap items-center gap-x-4 gap-y-2 border-b border-surface-border bg-surface-raised px-4 py-3 lg:w-56 lg:flex-col lg:flex-nowrap lg:items-stretch lg:gap-0 lg:border-b-0 lg:border-r lg:p-4">
        <p className="px-3 text-lg font-bold tracking-wide text-slate-100 lg:mb-6">Osprey</p>
        <NavLinks isAdmin={user.role === 'admin'} />
        <div className="ml-auto flex items-center gap-2 lg:ml-0 lg:mt-auto lg:block lg:border-t lg:border-surface-border lg:pt-4">
          <p className="truncate px-3 text-sm text-slate-200" title={user.email}>
            {user.name}
          </p>
          <p className="hidden px-3 text-xs uppercase tracking-wide text-slate-500 lg:mb-2 lg:block">
            {user.role}
          </p>
          <SignOutButton />
        </div>
      </aside>
      <main className="relative min-w-0 flex-1 overflow-x-auto p-4 md:p-6 lg:p-8">{children}</main>
    </div>
  );
}
