'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { BacktestSummaryRow } from '@/lib/db/queries/backtests';
import {
  formatDateTime,
  formatSignedPercent,
  formatPercent,
  formatRatio,
  toneClass,
} from '@/lib/format';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { ProgressBar } from './progress-bar';
import { RunActions } from './run-actions';
import { BacktestStatusBadge } from './status-badge';
import { useBacktestProgress } from './use-backtest-progress';

/** Rows as the page passes them (dates serialised by the server component). */
export type RunRow = Omit<
  BacktestSummaryRow,
  'rangeFrom' | 'rangeTo' | 'createdAt' | 'startedAt' | 'finishedAt'
> & { rangeFrom: string; rangeTo: string; createdAt: string };

const metric = (row: RunRow, key: string) =>
  (row.metrics as Record<string, number | null> | null)?.[key] ?? null;

/** The user's runs with live progress, key results, cancel/delete and a pick for comparison. */
export function RunList({ runs }: { runs: RunRow[] }) {
  const live = useBacktestProgress();
  const [picked, setPicked] = useState<string[]>([]);
  if (runs.length === 0) {
    return (
      <EmptyState title="No backtests yet">
        Pick a strategy, a symbol and a range above, then press “Run backtest”.
      </EmptyState>
    );
  }
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-400">
          Tick two or more completed runs to compare them side by side.
        </p>
        {picked.length >= 2 ? (
          <Link
            href={`/backtests/compare?ids=${picked.join(',')}`}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong"
          >
            Compare {picked.length} runs
          </Link>
        ) : (
          <span className="rounded-md border border-surface-border px-3 py-1.5 text-sm text-slate-500">
            Compare
          </span>
        )}
      </div>
      <Table label="Backtests">
        <thead>
          <tr>
            <Th className="w-8">
              <span className="sr-only">Compare</span>
            </Th>
            <Th>Run</Th>
            <Th>Status</Th>
            <Th className="text-right">Return</Th>
            <Th className="text-right">Max DD</Th>
            <Th className="text-right">Sharpe</Th>
            <Th className="text-right">Trades</Th>
            <Th>Queued</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const active = run.status === 'queued' || run.status === 'running';
            const ret = metric(run, 'totalReturnPct');
            return (
              <tr key={run.id}>
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Compare ${run.name}`}
                    disabled={run.status !== 'completed' || run.mode === 'sweep'}
                    checked={picked.includes(run.id)}
                    onChange={() => toggle(run.id)}
                    className="accent-accent"
                  />
                </Td>
                <Td>
                  <Link
                    href={`/backtests/${run.id}`}
                    className="font-medium text-slate-100 hover:text-accent"
                  >
                    {run.name}
                  </Link>
                  <p className="text-xs text-slate-500">
                    {run.strategyId} · {run.symbol} {run.timeframe} · {run.dataSource}
                    {run.mode === 'sweep' && ' · sweep (best combination shown)'}
                    {run.mode === 'walk-forward' && ' · walk-forward (out-of-sample shown)'}
                  </p>
                </Td>
                <Td className="min-w-40">
                  {active ? (
                    <ProgressBar
                      percent={live[run.id] ?? run.progress}
                      label={`Progress of ${run.name}`}
                    />
                  ) : (
                    <BacktestStatusBadge status={run.status} />
                  )}
                </Td>
                <NumTd className={toneClass(ret)}>{formatSignedPercent(ret)}</NumTd>
                <NumTd className="text-loss">
                  {run.metrics ? formatPercent(metric(run, 'maxDrawdownPct')) : '—'}
                </NumTd>
                <NumTd>{formatRatio(metric(run, 'sharpe'))}</NumTd>
                <NumTd>{run.tradeCount ?? '—'}</NumTd>
                <Td className="whitespace-nowrap text-slate-400">
                  {formatDateTime(run.createdAt)}
                </Td>
                <Td>
                  <RunActions id={run.id} active={active} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
