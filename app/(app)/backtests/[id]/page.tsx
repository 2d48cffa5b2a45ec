import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AiRunReport } from '@/components/backtests/ai-run-report';
import { RunActions } from '@/components/backtests/run-actions';
import { RunProgress } from '@/components/backtests/run-progress';
import { RunResult } from '@/components/backtests/run-result';
import { SweepRunResult } from '@/components/backtests/sweep-run-result';
import { BacktestStatusBadge } from '@/components/backtests/status-badge';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { loadDisplayCandles } from '@/lib/backtests/display-candles-load';
import { getConfig } from '@/lib/config';
import { findBacktest } from '@/lib/db/queries/backtests';
import { formatDateTime } from '@/lib/format';
import { getTrading } from '@/lib/trading/runtime';
import { isUuid } from '@/lib/core/is-uuid';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Backtest' };

export default async function BacktestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const run = isUuid(id) ? await findBacktest(getTrading().deps.db, user.id, id) : null;
  if (!run) notFound();
  const active = run.status === 'queued' || run.status === 'running';
  const single = run.status === 'completed' && run.mode === 'single';
  const candles = single
    ? await loadDisplayCandles(getTrading().deps.db, run, getConfig().SIMULATED_MARKET_SEED)
    : undefined;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href="/backtests" className="text-sm text-slate-400 hover:text-slate-200">
            ← Backtests
          </Link>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-bold text-slate-100">
            {run.name} <BacktestStatusBadge status={run.status} />
          </h1>
          <p className="text-sm text-slate-400">
            {formatDateTime(run.rangeFrom)} → {formatDateTime(run.rangeTo)} · queued{' '}
            {formatDateTime(run.createdAt)}
          </p>
        </div>
        <RunActions id={run.id} active={active} afterDelete="/backtests" />
      </div>
      {active && (
        <Card>
          <RunProgress id={run.id} initial={run.progress} status={run.status} />
        </Card>
      )}
      {run.status === 'failed' && (
        <Alert tone="error">This backtest failed: {run.error ?? 'unknown reason'}</Alert>
      )}
      {run.status === 'cancelled' && <Alert>This backtest was cancelled before it finished.</Alert>}
      {run.status === 'completed' && run.strategyId === 'ai' && <AiRunReport run={run} />}
      {single && <RunResult run={run} candles={candles} />}
      {run.status === 'completed' && run.mode !== 'single' && <SweepRunResult run={run} />}
    </div>
  );
}
