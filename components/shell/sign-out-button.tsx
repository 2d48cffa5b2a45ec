'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/login' })}
      className="rounded-md px-3 py-2 text-left lg:w-full text-sm text-slate-400 hover:bg-slate-800 hover:text-slate-100"
    >
      Sign out
    </button>
  );
}
