import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Trade' };

export default function Page() {
  return <PendingFeature title="Trade" arrivesWith="the manual trading work" />;
}
