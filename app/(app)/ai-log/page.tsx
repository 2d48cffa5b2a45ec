import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'AI log' };

export default function Page() {
  return <PendingFeature title="AI log" arrivesWith="the AI decisions work" />;
}
