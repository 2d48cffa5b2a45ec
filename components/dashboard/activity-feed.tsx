import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import type { ActivityItem } from '@/lib/db/queries/views/dashboard';
import { formatSignedMoney, formatTime, toneClass } from '@/lib/format';

const icons: Record<ActivityItem['kind'], { label: string; className: string }> = {
  decision: { label: 'Decision', className: 'bg-accent/20 text-blue-200' },
  signal: { label: 'Signal', className: 'bg-slate-600/40 text-slate-200' },
  opened: { label: 'Entry', className: 'bg-profit/20 text-green-200' },
  closed: { label: 'Exit', className: 'bg-amber-500/20 text-amber-200' },
};

/** The latest decisions, signals, entries and exits, newest first (refreshed live). */
export function ActivityFeed({ items }: { items: readonly ActivityItem[] }) {
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing has happened yet">
        Start a bot: its decisions, signals and trades stream in here.
      </EmptyState>
    );
  }
  return (
    <ol aria-label="Activity" className="max-h-[28rem] space-y-1 overflow-y-auto pr-1">
      {items.map((item) => (
        <li
          key={item.id}
          data-testid={`activity-${item.kind}`}
          className="flex items-start gap-2 rounded px-1 py-1.5 text-sm hover:bg-slate-800/40"
        >
          <span
            className={`mt-0.5 w-16 shrink-0 rounded px-1.5 py-0.5 text-center text-[11px] font-medium ${icons[item.kind].className}`}
          >
            {icons[item.kind].label}
          </span>
          <div className="min-w-0 flex-1">
            <p className="break-words text-slate-200">
              {item.botId ? (
                <Link href={`/bots/${item.botId}`} className="hover:underline">
                  {item.title}
                </Link>
              ) : (
                item.title
              )}
            </p>
            {item.detail && (
              <p className="truncate text-xs text-slate-500" title={item.detail}>
                {item.detail}
              </p>
            )}
          </div>
          {item.amount && (
            <span className={`font-mono text-xs tabular-nums ${toneClass(item.amount)}`}>
              {formatSignedMoney(item.amount)}
            </span>
          )}
          <time dateTime={item.time} className="shrink-0 font-mono text-xs text-slate-500">
            {formatTime(item.time)}
          </time>
        </li>
      ))}
    </ol>
  );
}
