import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { countUsers } from '@/lib/db/queries/users';

export const dynamic = 'force-dynamic';

/** First visit → setup; signed out → sign in; signed in → dashboard. */
export default async function Home() {
  if ((await countUsers(getDb())) === 0) redirect('/setup');
  redirect((await getCurrentUser()) ? '/dashboard' : '/login');
}
