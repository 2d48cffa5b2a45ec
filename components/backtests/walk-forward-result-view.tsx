import type { StoredWalkForwardResult } from '@/lib/backtests/sweep-result';
import type { BacktestTrade } from '@/lib/core/backtest';
import type { PerformanceMetrics } from '@/lib/core/metrics';
import type { Backtest } from '@/lib/db/schema';
import {
  formatDateTime,
  formatPercent,
  formatRatio,
  formatSignedPercent,
  toneClass,
} from '@/lib/format';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Stat } from '@/components/ui/stat';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { MetricsTable } from './metrics-table';
import type { StoredCurves } from './run-result';
import { DrawdownChart, EquityChart } from './curve-charts';
import { METRIC_LABEL } from './sweep-warnings';
import { TradesTable } from './trades-table';

type Metrics = Partial<Record<keyof PerformanceMetrics, number | null>>;

// `2026-11-21 20:00`: the minutes matter for short timeframes
const day = (ms: number) => formatDateTime(ms).slice(0, 16);

/**
 * A completed walk-forward: the out-of-sample summary (test windows chained: metrics, equity,
 * drawdown, trades), clearly labelled, then one row per window with the params chosen on its
 * train bars and their in-sample against out-of-sample figures.
 */
export function WalkForwardResultView({
  run,
  labels,
}: {
  run: Backtest;
  labels: Record<string, string>;
}) {
  const result = run.sweepResult as unknown as StoredWalkForwardResult;
  const metrics = (run.metrics ?? {}) as Metrics;
  const curves = run.curves as unknown as StoredCurves | null;
  const trades = (run.trades ?? []) as unknown as BacktestTrade[];
  const keys = Object.keys(result.windows.find((w) => w.bestCombo)?.bestCombo ?? {});
  const edge = result.windows.filter((w) => w.warnings.some((x) => x.code === 'BEST_ON_EDGE'));
  const few = result.windows.filter((w) => w.warnings.some((x) => x.code === 'TOO_FEW_TRADES'));
  const none = result.windows.filter((w) => w.bestParams === null);
  const n = result.windows.length;
  return (
    <div className="space-y-6">
      <Alert>
        <span className="font-semibold">Out-of-sample results.</span> Each of the {n} test windows (
        {result.testBars} bars) was traded with the params that ranked best by{' '}
        {METRIC_LABEL[result.metric] ?? result.metric} on the {result.trainBars} bars before it; the
        figures below use the test bars only, chained window after window.
      </Alert>
      {(edge.length > 0 || few.length > 0 || none.length > 0) && (
        <Alert tone="warning">
          <p className="font-semibold">Read the windows with care</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {edge.length > 0 && (
              <li>
                In {edge.length} of {n} windows the best params sit on the edge of the grid: the
                optimum may lie outside it, widen the ranges.
              </li>
            )}
            {few.length > 0 && (
              <li>
                In {few.length} of {n} windows the best train result has fewer than{' '}
                {result.minTrades} trades: its choice may be luck.
              </li>
            )}
            {none.length > 0 && (
              <li>
                In {none.length} of {n} windows no combination could run; those test windows stay
                flat.
              </li>
            )}
          </ul>
        </Alert>
      )}
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat
          label="Out-of-sample return"
          value={formatSignedPercent(metrics.totalReturnPct)}
          valueClass={toneClass(metrics.totalReturnPct ?? null)}
          hint={`Buy & hold ${formatSignedPercent(metrics.buyAndHoldReturnPct)}`}
        />
        <Stat
          label="OOS max drawdown"
          value={formatPercent(metrics.maxDrawdownPct)}
          valueClass="text-loss"
        />
        <Stat label="OOS Sharpe" value={formatRatio(metrics.sharpe)} />
        <Stat
          label="OOS trades"
          value={String(metrics.tradeCount ?? 0)}
          hint={`win rate ${formatPercent(metrics.winRatePct, 1)}`}
        />
        <Stat label="Windows" value={String(n)} hint={`step ${result.stepBars} bars`} />
        <Stat label="OOS bars" value={result.outOfSample.bars.toLocaleString('en')} />
      </div>
      {curves && (
        <Card title="Out-of-sample equity (test windows chained)">
          <EquityChart
            curve={curves.equity}
            name="Out-of-sample equity"
            label="Out-of-sample equity curve"
          />
          <DrawdownChart
            curve={curves.drawdownPct}
            label="Out-of-sample drawdown curve"
            height={120}
          />
        </Card>
      )}
      <Card title="Windows: in-sample (train) against out-of-sample (test)">
        <Table label="Walk-forward windows">
          <thead>
            <tr>
              <Th>#</Th>
              <Th>Train</Th>
              <Th>Test</Th>
              <Th>Best params (train)</Th>
              <Th className="text-right">IS return</Th>
              <Th className="text-right">IS Sharpe</Th>
              <Th className="text-right">IS trades</Th>
              <Th className="text-right">OOS return</Th>
              <Th className="text-right">OOS Sharpe</Th>
              <Th className="text-right">OOS trades</Th>
              <Th>Warnings</Th>
            </tr>
          </thead>
          <tbody>
            {result.windows.map((w) => (
              <tr key={w.index}>
                <NumTd className="text-slate-400">{w.index + 1}</NumTd>
                <Td className="whitespace-nowrap text-slate-300">
                  {day(w.trainRange.from)} → {day(w.trainRange.to)}
                </Td>
                <Td className="whitespace-nowrap text-slate-300">
                  {day(w.testRange.from)} → {day(w.testRange.to)}
                </Td>
                <Td className="font-mono text-xs text-slate-100">
                  {w.bestCombo
                    ? keys.map((k) => `${labels[k] ?? k} ${String(w.bestCombo![k])}`).join(' · ')
                    : 'none could run'}
                </Td>
                <NumTd className={toneClass(w.inSample?.totalReturnPct ?? null)}>
                  {formatSignedPercent(w.inSample?.totalReturnPct)}
                </NumTd>
                <NumTd>{formatRatio(w.inSample?.sharpe)}</NumTd>
                <NumTd>{w.inSample?.tradeCount ?? '—'}</NumTd>
                <NumTd className={toneClass(w.outOfSample?.totalReturnPct ?? null)}>
                  {formatSignedPercent(w.outOfSample?.totalReturnPct)}
                </NumTd>
                <NumTd>{formatRatio(w.outOfSample?.sharpe)}</NumTd>
                <NumTd>{w.outOfSample?.tradeCount ?? '—'}</NumTd>
                <Td className="text-xs text-amber-200">
                  {w.warnings
                    .map((x) => (x.code === 'BEST_ON_EDGE' ? 'edge' : 'few trades'))
                    .join(', ')}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title="Out-of-sample metrics">
        <MetricsTable columns={[{ name: 'Out-of-sample', metrics }]} />
      </Card>
      <Card title={`Out-of-sample trades (${trades.length})`}>
        <TradesTable trades={trades} />
      </Card>
    </div>
  );
}
