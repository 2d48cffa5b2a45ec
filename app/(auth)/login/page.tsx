import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AuthFrame } from '@/components/auth/auth-frame';
import { LoginForm } from '@/components/auth/login-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { getSetting } from '@/lib/db/queries/settings';
import { countUsers } from '@/lib/db/queries/users';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

export default async function LoginPage() {
  const db = getDb();
  if ((await countUsers(db)) === 0) redirect('/setup');
  if (await getCurrentUser()) redirect('/dashboard');
  const registrationOpen = await getSetting(db, 'registration_open');
  return (
    <AuthFrame title="Sign in">
      <Suspense>
        <LoginForm />
      </Suspense>
      {registrationOpen && (
        <p className="mt-4 text-center text-sm text-slate-400">
          No account?{' '}
          <Link href="/register" className="text-accent hover:underline">
            Create one
          </Link>
        </p>
      )}
    </AuthFrame>
  );
}
