import type { PerformanceMetrics } from '@/lib/core/metrics';
import {
  formatDuration,
  formatMoney,
  formatRatio,
  formatSignedMoney,
  formatSignedPercent,
  formatPercent,
  toneClass,
} from '@/lib/format';
import { NumTd, Table, Td, Th } from '@/components/ui/table';

type Metrics = Partial<Record<keyof PerformanceMetrics, number | null>>;

const ROWS: {
  key: keyof PerformanceMetrics;
  label: string;
  show: (v: number | null | undefined) => string;
  tone?: boolean;
  lossTone?: boolean;
}[] = [
  { key: 'totalReturnPct', label: 'Total return', show: (v) => formatSignedPercent(v), tone: true },
  { key: 'cagrPct', label: 'CAGR', show: (v) => formatSignedPercent(v), tone: true },
  { key: 'netPnl', label: 'Net P&L', show: (v) => formatSignedMoney(v), tone: true },
  { key: 'maxDrawdownPct', label: 'Max drawdown', show: (v) => formatPercent(v), lossTone: true },
  {
    key: 'maxDrawdownDurationMs',
    label: 'Longest drawdown',
    show: (v) => formatDuration(v ?? null),
  },
  { key: 'sharpe', label: 'Sharpe', show: (v) => formatRatio(v) },
  { key: 'sortino', label: 'Sortino', show: (v) => formatRatio(v) },
  { key: 'calmar', label: 'Calmar', show: (v) => formatRatio(v) },
  { key: 'profitFactor', label: 'Profit factor', show: (v) => (v === null ? '∞' : formatRatio(v)) },
  { key: 'tradeCount', label: 'Trades', show: (v) => (v ?? 0).toLocaleString('en') },
  { key: 'winRatePct', label: 'Win rate', show: (v) => formatPercent(v, 1) },
  { key: 'expectancy', label: 'Expectancy / trade', show: (v) => formatSignedMoney(v), tone: true },
  { key: 'averageWin', label: 'Average win', show: (v) => formatSignedMoney(v), tone: true },
  { key: 'averageLoss', label: 'Average loss', show: (v) => formatSignedMoney(v), tone: true },
  { key: 'bestTradePct', label: 'Best trade', show: (v) => formatSignedPercent(v), tone: true },
  { key: 'worstTradePct', label: 'Worst trade', show: (v) => formatSignedPercent(v), tone: true },
  { key: 'exposurePct', label: 'Exposure', show: (v) => formatPercent(v, 1) },
  { key: 'averageHoldMs', label: 'Average hold', show: (v) => formatDuration(v ?? null) },
  { key: 'totalFees', label: 'Fees paid', show: (v) => formatMoney(v) },
];

/** Core metrics of one or more runs side by side (a run and its buy-and-hold, or a comparison). */
export function MetricsTable({
  columns,
}: {
  columns: { name: string; metrics: Metrics | null }[];
}) {
  return (
    <Table label="Metrics">
      <thead>
        <tr>
          <Th>Metric</Th>
          {columns.map((c, i) => (
            <Th key={i} className="text-right">
              {c.name}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.key}>
            <Td className="text-slate-300">{row.label}</Td>
            {columns.map((c, i) => {
              const v = c.metrics?.[row.key];
              const tone = row.tone
                ? toneClass(v ?? null)
                : row.lossTone && v
                  ? 'text-loss'
                  : 'text-slate-200';
              return (
                <NumTd key={i} className={tone}>
                  {c.metrics ? row.show(v) : '—'}
                </NumTd>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
