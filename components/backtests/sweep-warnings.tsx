import type { SweepWarning } from '@/lib/core/backtest';
import { Alert } from '@/components/ui/alert';

export const METRIC_LABEL: Record<string, string> = {
  sharpe: 'Sharpe',
  sortino: 'Sortino',
  calmar: 'Calmar',
  profitFactor: 'profit factor',
  totalReturn: 'total return',
};

const CODE_LABEL: Record<SweepWarning['code'], string> = {
  BEST_ON_EDGE: 'Best on the edge of the grid',
  TOO_FEW_TRADES: 'Too few trades',
  NO_VALID_RESULT: 'No valid result',
};

/** A sweep's warnings, prominent: each with what it means and what to do. Nothing when none. */
export function SweepWarnings({ warnings, title }: { warnings: SweepWarning[]; title: string }) {
  if (warnings.length === 0) return null;
  return (
    <Alert tone="warning">
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {warnings.map((w, i) => (
          <li key={i}>
            <span className="font-medium">{CODE_LABEL[w.code]}:</span> {w.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
