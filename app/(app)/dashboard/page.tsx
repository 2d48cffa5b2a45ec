import Link from 'next/link';
import { ActivityFeed } from '@/components/dashboard/activity-feed';
import { TradingBanners } from '@/components/dashboard/banners';
import { BotGrid } from '@/components/dashboard/bot-grid';
import { LiveRefresh } from '@/components/dashboard/live-refresh';
import { StatsGrid } from '@/components/dashboard/stats-grid';
import { LineChart } from '@/components/charts/line-chart';
import { PositionsTable } from '@/components/trade/positions-table';
import { Card } from '@/components/ui/card';
import { Toaster } from '@/components/ui/toast';
import { requireUser } from '@/lib/auth/current-user';
import { loadDashboard } from './load-dashboard';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser();
  const now = new Date();
  const data = await loadDashboard(user.id, now);
  const botNames = Object.fromEntries(data.bots.map((b) => [b.id, b.name]));
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <Toaster />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-100">Dashboard</h1>
          <p className="text-sm text-slate-400">
            {data.account.label} account ({data.account.venue}) · figures in {data.account.quote}
          </p>
        </div>
        <div className="flex gap-2">
          <Link
            href="/trade"
            className="rounded-md border border-surface-border bg-surface-raised px-4 py-2 text-sm text-slate-200 hover:bg-slate-800"
          >
            Trade
          </Link>
          <Link
            href="/bots/new"
            className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong"
          >
            New bot
          </Link>
        </div>
      </div>
      <TradingBanners {...data.banners} />
      <StatsGrid stats={data.stats} quote={data.account.quote} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card title="Equity" className="xl:col-span-2">
          <LineChart
            label="Equity over the last 7 days"
            points={data.curve.map((p) => ({ time: p.time, value: p.equity }))}
          />
        </Card>
        <Card title="Activity">
          <ActivityFeed items={data.activity} />
        </Card>
      </div>
      <Card title={`Bots (${data.bots.length})`}>
        <BotGrid bots={data.bots} />
      </Card>
      <Card title={`Open positions (${data.positions.length})`}>
        <PositionsTable positions={data.positions} botNames={botNames} now={now.getTime()} />
      </Card>
    </div>
  );
}
