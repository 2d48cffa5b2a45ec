import Link from 'next/link';
import { BotControls } from '@/components/bots/bot-controls';
import { BotStatusBadge } from '@/components/bots/bot-status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { DashboardData } from '@/app/(app)/dashboard/load-dashboard';
import { LiveBotFigures } from '@/components/realtime/live-bot-figures';
import { Countdown } from './countdown';

/**
 * One card per bot: live price, status, open position and its P&L (both follow `price:tick`
 * between renders), next cycle, controls.
 */
export function BotGrid({ bots }: { bots: DashboardData['bots'] }) {
  if (bots.length === 0) {
    return (
      <EmptyState
        title="No bots yet"
        action={
          <Link
            href="/bots/new"
            className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong"
          >
            Create your first bot
          </Link>
        }
      >
        A bot trades one symbol with a strategy on your paper account. It starts stopped; start it
        when you are ready.
      </EmptyState>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
      {bots.map((bot) => (
        <li
          key={bot.id}
          data-testid="bot-card"
          className="flex flex-col gap-3 rounded-lg border border-surface-border bg-surface p-4"
        >
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0">
              <Link
                href={`/bots/${bot.id}`}
                className="block truncate font-medium text-slate-100 hover:underline"
              >
                {bot.name}
              </Link>
              <p className="text-xs text-slate-400">
                {bot.symbol} · {bot.timeframe} · {bot.strategyId}
              </p>
            </div>
            <BotStatusBadge status={bot.status} />
          </div>
          <dl className="grid grid-cols-3 gap-2 text-xs">
            <LiveBotFigures
              accountId={bot.accountId}
              symbol={bot.symbol}
              price={bot.price}
              position={bot.position}
            />
            <div>
              <dt className="text-slate-500">Next cycle</dt>
              <dd className="text-sm text-slate-200">
                {bot.status === 'running' ? (
                  <Countdown target={bot.nextCycleAt} />
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </dd>
            </div>
          </dl>
          <BotControls botId={bot.id} botName={bot.name} status={bot.status} size="sm" />
        </li>
      ))}
    </ul>
  );
}
