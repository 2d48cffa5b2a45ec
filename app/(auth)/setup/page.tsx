import { notFound } from 'next/navigation';
import { AccountForm } from '@/components/auth/account-form';
import { AuthFrame } from '@/components/auth/auth-frame';
import { getDb } from '@/lib/db';
import { countUsers } from '@/lib/db/queries/users';
import { setupAdminAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Setup' };

/** Exists only while there are no users: creates the first admin. There is no default password. */
export default async function SetupPage() {
  if ((await countUsers(getDb())) > 0) notFound();
  return (
    <AuthFrame
      title="Welcome to Osprey"
      subtitle="Create the administrator account to finish setup."
    >
      <AccountForm action={setupAdminAction} submitLabel="Create admin account" />
    </AuthFrame>
  );
}
