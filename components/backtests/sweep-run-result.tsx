import type { StoredSweepSpec } from '@/lib/backtests/sweep-queue';
import type { StoredSweepResult } from '@/lib/backtests/sweep-result';
import { listStrategies } from '@/lib/core/strategy';
import type { Backtest } from '@/lib/db/schema';
import { Alert } from '@/components/ui/alert';
import { SweepResultView } from './sweep-result-view';
import { WalkForwardResultView } from './walk-forward-result-view';

/** A completed sweep or walk-forward run: picks its view and gives it the strategy's labels. */
export function SweepRunResult({ run }: { run: Backtest }) {
  const strategy = listStrategies().find((s) => s.id === run.strategyId);
  const labels = Object.fromEntries((strategy?.params ?? []).map((p) => [p.key, p.label]));
  if (!run.sweepResult) return <Alert tone="error">This run has no stored result.</Alert>;
  if (run.mode === 'walk-forward') return <WalkForwardResultView run={run} labels={labels} />;
  const spec = run.sweepSpec as unknown as StoredSweepSpec;
  return (
    <SweepResultView
      result={run.sweepResult as unknown as StoredSweepResult}
      keys={Object.keys(spec.grid)}
      labels={labels}
      base={{
        name: run.name,
        strategyId: run.strategyId,
        venue: run.venue,
        symbol: run.symbol,
        timeframe: run.timeframe,
        source: run.dataSource,
        from: run.rangeFrom.toISOString(),
        to: run.rangeTo.toISOString(),
        options: run.options,
      }}
    />
  );
}
