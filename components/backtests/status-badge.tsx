import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { BacktestStatus } from '@/lib/db/schema';

const tones: Record<BacktestStatus, BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  completed: 'profit',
  failed: 'loss',
  cancelled: 'warn',
};

export function BacktestStatusBadge({ status }: { status: BacktestStatus }) {
  return <Badge tone={tones[status]}>{status}</Badge>;
}
