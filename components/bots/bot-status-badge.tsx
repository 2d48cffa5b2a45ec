import { Badge } from '@/components/ui/badge';

export function BotStatusBadge({ status }: { status: 'stopped' | 'running' | 'paused' }) {
  const tone = status === 'running' ? 'profit' : status === 'paused' ? 'warn' : 'neutral';
  return (
    <Badge tone={tone}>
      <span
        aria-hidden="true"
        className={`h-1.5 w-1.5 rounded-full ${status === 'running' ? 'animate-pulse bg-profit' : status === 'paused' ? 'bg-amber-400' : 'bg-slate-500'}`}
      />
      {status}
    </Badge>
  );
}
