import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Settings' };

export default function Page() {
  return <PendingFeature title="Settings" arrivesWith="the exchange accounts and settings work" />;
}
