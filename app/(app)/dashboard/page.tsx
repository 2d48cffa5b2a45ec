import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Dashboard' };

export default function Page() {
  return <PendingFeature title="Dashboard" arrivesWith="the bots and positions work" />;
}
