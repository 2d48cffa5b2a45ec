import Link from 'next/link';
import { MetricsTable } from '@/components/backtests/metrics-table';
import { SeriesChart } from '@/components/backtests/series-chart';
import type { StoredCurves } from '@/components/backtests/run-result';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { requireUser } from '@/lib/auth/current-user';
import { compareBacktests } from '@/lib/backtests/backtests';
import { getTrading } from '@/lib/trading/runtime';
import { isUuid } from '@/lib/core/is-uuid';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Compare backtests' };

const COLORS = ['#3b82f6', '#f59e0b', '#22c55e', '#a855f7', '#ec4899', '#14b8a6'];

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<{ ids?: string }>;
}) {
  const user = await requireUser();
  const ids = ((await searchParams).ids ?? '').split(',').filter(isUuid);
  const runs =
    ids.length >= 2
      ? await compareBacktests(getTrading().deps.db, user.id, ids).catch(() => [])
      : [];
  // a sweep has a ranked table, no curve of its own
  const done = runs.filter((r) => r.status === 'completed' && r.curves !== null);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/backtests" className="text-sm text-slate-400 hover:text-slate-200">
          ← Backtests
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-slate-100">Compare backtests</h1>
        <p className="text-sm text-slate-400">
          Equity as % return from each run’s start, so different balances compare fairly.
        </p>
      </div>
      {done.length < 2 ? (
        <EmptyState title="Pick two or more completed runs">
          Tick them in the list of runs, then press “Compare”.
        </EmptyState>
      ) : (
        <>
          <Card title="Return">
            <SeriesChart
              label="Equity of the compared runs, % from start"
              unit="percent"
              series={done.map((r, i) => {
                const eq = (r.curves as unknown as StoredCurves).equity;
                const start = eq.values[0] ?? 1;
                return {
                  name: r.name,
                  color: COLORS[i % COLORS.length]!,
                  time: eq.time,
                  values: eq.values.map((v) => (v / start - 1) * 100),
                };
              })}
            />
            <ul className="mt-3 flex flex-wrap gap-4 text-sm">
              {done.map((r, i) => (
                <li key={r.id} className="flex items-center gap-2 text-slate-300">
                  <span
                    className="inline-block h-2 w-4 rounded"
                    style={{ background: COLORS[i % COLORS.length] }}
                  />
                  <Link href={`/backtests/${r.id}`} className="hover:text-accent">
                    {r.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Metrics">
            <MetricsTable
              columns={done.map((r) => ({
                name: r.name,
                metrics: r.metrics as Record<string, number | null>,
              }))}
            />
          </Card>
        </>
      )}
    </div>
  );
}
