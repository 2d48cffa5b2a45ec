import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Bots' };

export default function Page() {
  return <PendingFeature title="Bots" arrivesWith="the bots and worker work" />;
}
