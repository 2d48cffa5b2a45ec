import Link from 'next/link';
import { AccountForm } from '@/components/auth/account-form';
import { AuthFrame } from '@/components/auth/auth-frame';
import { Alert } from '@/components/ui/alert';
import { getDb } from '@/lib/db';
import { getSetting } from '@/lib/db/queries/settings';
import { registerAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Create account' };

export default async function RegisterPage() {
  const open = await getSetting(getDb(), 'registration_open');
  return (
    <AuthFrame
      title="Create an account"
      subtitle={open ? 'New accounts start as traders on the paper exchange.' : undefined}
    >
      {open ? (
        <AccountForm action={registerAction} submitLabel="Create account" />
      ) : (
        <Alert>Registration is closed. Ask an administrator for an account.</Alert>
      )}
      <p className="mt-4 text-center text-sm text-slate-400">
        <Link href="/login" className="text-accent hover:underline">
          Back to sign in
        </Link>
      </p>
    </AuthFrame>
  );
}
