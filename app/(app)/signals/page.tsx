import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Signals' };

export default function Page() {
  return <PendingFeature title="Signals" arrivesWith="the signals and TradingView work" />;
}
