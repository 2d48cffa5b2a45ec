import type { DisplayCandles } from '@/lib/backtests/display-candles-load';
import { tradeMarkers } from '@/lib/backtests/display-candles';
import type { BacktestTrade, JsonSeries } from '@/lib/core/backtest';
import type { PerformanceMetrics } from '@/lib/core/metrics';
import type { Backtest } from '@/lib/db/schema';
import {
  formatMoney,
  formatSignedPercent,
  formatPercent,
  formatRatio,
  toneClass,
} from '@/lib/format';
import { Card } from '@/components/ui/card';
import { Stat } from '@/components/ui/stat';
import { MetricsTable } from './metrics-table';
import { RunCandles } from './run-candles';
import { DrawdownChart, EquityChart } from './curve-charts';
import { TradesTable } from './trades-table';

type Metrics = Partial<Record<keyof PerformanceMetrics, number | null>>;
export interface StoredCurves {
  equity: JsonSeries;
  drawdownPct: JsonSeries;
  points: number;
}

/**
 * A completed run: key figures, equity and drawdown charts, the candles with the trades marked
 * (when the page loaded them), metrics beside buy-and-hold, trades, configuration.
 */
export function RunResult({ run, candles }: { run: Backtest; candles?: DisplayCandles }) {
  const metrics = (run.metrics ?? {}) as Metrics;
  const curves = run.curves as unknown as StoredCurves;
  const trades = (run.trades ?? []) as unknown as BacktestTrade[];
  const stats = (run.stats ?? {}) as { finalEquity?: number; bars?: number; warmupBars?: number };
  const gaps = (run.gaps ?? []) as { from: number; to: number; missingBars: number }[];
  return (
    <div className="space-y-6">
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Final equity" value={formatMoney(stats.finalEquity)} />
        <Stat
          label="Return"
          value={formatSignedPercent(metrics.totalReturnPct)}
          valueClass={toneClass(metrics.totalReturnPct ?? null)}
          hint={`Buy & hold ${formatSignedPercent(metrics.buyAndHoldReturnPct)}`}
        />
        <Stat
          label="Max drawdown"
          value={formatPercent(metrics.maxDrawdownPct)}
          valueClass="text-loss"
        />
        <Stat label="Sharpe" value={formatRatio(metrics.sharpe)} />
        <Stat
          label="Win rate"
          value={formatPercent(metrics.winRatePct, 1)}
          hint={`${metrics.tradeCount ?? 0} trades`}
        />
        <Stat
          label="Profit factor"
          value={metrics.profitFactor === null ? '∞' : formatRatio(metrics.profitFactor)}
        />
      </div>
      <Card title="Equity">
        <EquityChart curve={curves.equity} name="Equity" label="Equity curve" />
      </Card>
      <Card title="Drawdown">
        <DrawdownChart curve={curves.drawdownPct} label="Drawdown curve" height={160} />
      </Card>
      {candles && (
        <Card title="Price and trades">
          <RunCandles
            candles={candles}
            markers={tradeMarkers(trades)}
            symbol={run.symbol}
            timeframe={run.timeframe}
          />
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Metrics" className="lg:col-span-2">
          <MetricsTable
            columns={[
              { name: 'Strategy', metrics },
              { name: 'Buy & hold', metrics: run.buyAndHold },
            ]}
          />
        </Card>
        <Card title="Configuration">
          <dl className="space-y-2 text-sm">
            <Row
              term="Strategy"
              detail={`${run.strategyId} ${JSON.stringify((run.config as { strategy?: { params?: unknown } } | null)?.strategy?.params ?? run.strategyParams)}`}
            />
            <Row
              term="Market"
              detail={`${run.symbol} ${run.timeframe} · ${run.dataSource === 'simulated' ? 'simulated market' : run.dataSource === 'exchange' ? `exchange history (${run.venue})` : `stored candles (${run.venue})`}`}
            />
            <Row
              term="Bars"
              detail={`${stats.bars ?? '—'} traded, ${stats.warmupBars ?? 0} warm-up · ${curves.points} equity points`}
            />
            <Row
              term="Gaps"
              detail={
                gaps.length === 0
                  ? 'none'
                  : `${gaps.length} (${gaps.reduce((s, g) => s + g.missingBars, 0)} missing bars)`
              }
            />
            <Row
              term="Options"
              detail={JSON.stringify(
                (run.config as { options?: unknown } | null)?.options ?? run.options,
              )}
              mono
            />
            <Row
              term="Engine"
              detail={String(
                (run.config as { engineVersion?: string } | null)?.engineVersion ?? '—',
              )}
            />
          </dl>
        </Card>
      </div>
      <Card title={`Trades (${trades.length})`}>
        <TradesTable trades={trades} />
      </Card>
    </div>
  );
}

function Row({ term, detail, mono = false }: { term: string; detail: string; mono?: boolean }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className={`break-words text-slate-200 ${mono ? 'font-mono text-xs' : ''}`}>{detail}</dd>
    </div>
  );
}
