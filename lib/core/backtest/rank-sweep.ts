import { gridValues, type GridSpec } from './grid-from-spec';
import { type BacktestOptions } from './options';
import {
  type SweepEntry,
  type SweepMetric,
  type SweepResult,
  type SweepWarning,
} from './sweep-types';

const METRIC_LABELS: Record<SweepMetric, string> = {
  sharpe: 'Sharpe',
  sortino: 'Sortino',
  calmar: 'Calmar',
  profitFactor: 'profit factor',
  totalReturn: 'total return',
};

/**
 * Ranks sweep entries (any order in, grid order kept among ties) by score, best first, and
 * warns when the best sits on the edge of the grid (its value is the lowest or highest of a
 * numeric parameter with at least three values: the optimum may lie outside) or has fewer
 * than `minTrades` trades (its score is likely luck).
 */
export function rankSweep(
  entries: readonly SweepEntry[],
  grid: GridSpec,
  metric: SweepMetric,
  minTrades: number,
  options: BacktestOptions,
): SweepResult {
  const valid = entries.filter((e) => e.metrics !== null);
  const invalid = entries.filter((e) => e.metrics === null).sort((a, b) => a.index - b.index);
  const ranked = [...valid].sort((a, b) => b.score - a.score || a.index - b.index);
  const best = ranked[0] ?? null;
  const warnings: SweepWarning[] = [];
  if (!best) {
    warnings.push({ code: 'NO_VALID_RESULT', message: 'No combination of the grid could run' });
  } else {
    for (const [param, values] of gridValues(grid)) {
      const numbers = [...new Set(values.filter((v): v is number => typeof v === 'number'))];
      if (numbers.length < 3) continue;
      const value = best.combo[param];
      const edge = value === Math.min(...numbers) || value === Math.max(...numbers);
      if (edge) {
        warnings.push({
          code: 'BEST_ON_EDGE',
          param,
          value,
          message: `The best ${METRIC_LABELS[metric]} has ${param} = ${String(value)}, at the edge of the grid: widen the range to see whether it improves beyond`,
        });
      }
    }
    const trades = best.metrics?.tradeCount ?? 0;
    if (trades < minTrades) {
      warnings.push({
        code: 'TOO_FEW_TRADES',
        trades,
        minTrades,
        message: `The best result has only ${trades} trades (fewer than ${minTrades}): its ${METRIC_LABELS[metric]} may be luck`,
      });
    }
  }
  return {
    metric,
    minTrades,
    combinations: entries.length,
    ranked,
    invalid,
    best,
    warnings,
    options,
  };
}
