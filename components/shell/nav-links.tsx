'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { navItems } from './nav-items';

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 lg:flex-col">
      {navItems
        .filter((item) => !('admin' in item) || isAdmin)
        .map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`rounded-md px-3 py-2 text-sm ${active ? 'bg-accent/15 text-white' : 'text-slate-400 hover:bg-slate-800 hover:text-slate-100'}`}
            >
              {item.label}
            </Link>
          );
        })}
    </nav>
  );
}
