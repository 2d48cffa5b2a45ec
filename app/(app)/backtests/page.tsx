import { PendingFeature } from '@/components/shell/pending-feature';

export const metadata = { title: 'Backtests' };

export default function Page() {
  return <PendingFeature title="Backtests" arrivesWith="the backtesting work" />;
}
