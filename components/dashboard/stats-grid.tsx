import { Stat } from '@/components/ui/stat';
import type { DashboardData } from '@/app/(app)/dashboard/load-dashboard';
import {
  formatMoney,
  formatPercent,
  formatRatio,
  formatSignedMoney,
  toneClass,
} from '@/lib/format';

/** The key figures: equity, cash, P&L (realised, unrealised, today), win rate, Sharpe, drawdown. */
export function StatsGrid({ stats, quote }: { stats: DashboardData['stats']; quote: string }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 2xl:grid-cols-8">
      <Stat label="Equity" value={formatMoney(stats.equity)} hint={quote} />
      <Stat label="Cash" value={formatMoney(stats.cash)} hint={quote} />
      <div data-testid="stat-realised">
        <Stat
          label="Realised P&L"
          value={formatSignedMoney(stats.realised)}
          valueClass={toneClass(stats.realised)}
          hint={`${stats.closedTrades} closed trades`}
        />
      </div>
      <Stat
        label="Unrealised P&L"
        value={formatSignedMoney(stats.unrealised)}
        valueClass={toneClass(stats.unrealised)}
        hint="open positions"
      />
      <Stat
        label="Today"
        value={formatSignedMoney(stats.today)}
        valueClass={toneClass(stats.today)}
        hint="since 00:00 UTC"
      />
      <Stat label="Win rate" value={formatPercent(stats.winRatePct, 1)} hint="closed trades" />
      <Stat
        label="Sharpe"
        value={formatRatio(Number.isFinite(stats.sharpe ?? NaN) ? stats.sharpe : null)}
        hint="annualised, 7 days"
      />
      <Stat
        label="Max drawdown"
        value={stats.maxDrawdownPct === null ? '—' : `−${formatPercent(stats.maxDrawdownPct)}`}
        valueClass={stats.maxDrawdownPct ? 'text-loss' : 'text-slate-100'}
        hint="7 days"
      />
    </div>
  );
}
