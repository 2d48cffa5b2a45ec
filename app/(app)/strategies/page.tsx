import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Strategies' };

export default function Page() {
  return <PendingFeature title="Strategies" arrivesWith="the AI strategies work" />;
}
