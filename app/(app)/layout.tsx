import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { AppShell } from '@/components/shell/app-shell';
import { getCurrentUser } from '@/lib/auth/current-user';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return (
    <RealtimeProvider>
      <AppShell user={user}>{children}</AppShell>
    </RealtimeProvider>
  );
}
