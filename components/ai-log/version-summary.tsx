'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { calibrationAction } from '@/app/(app)/ai-log/actions';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import type { VersionSummary } from '@/lib/ai-runtime';
import { formatPercent, formatSignedMoney, formatSignedPercent, toneClass } from '@/lib/format';

/** Per strategy version: decisions, validity, trades, win rate, P&L and AI cost; a row opens its calibration. */
export function VersionSummaryTable({ rows }: { rows: VersionSummary[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (rows.length === 0)
    return (
      <EmptyState title="No versions have decided yet">
        Summaries appear once an AI strategy version has made decisions.
      </EmptyState>
    );
  return (
    <div className="space-y-4">
      <Table label="Per-version summary">
        <thead>
          <tr>
            <Th>Strategy version</Th>
            <Th className="text-right">Decisions</Th>
            <Th className="text-right">Invalid</Th>
            <Th className="text-right">Trades</Th>
            <Th className="text-right">Win rate</Th>
            <Th className="text-right">Realised P&amp;L</Th>
            <Th className="text-right">AI cost</Th>
            <Th className="text-right">Cost / gross</Th>
            <Th>
              <span className="sr-only">Calibration</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.strategyVersionId ?? 'none'}>
              <Td className="text-slate-100">
                {r.strategyName
                  ? `${r.strategyName} v${r.version}`
                  : r.strategyVersionId
                    ? 'deleted version'
                    : 'no strategy (try now / rules)'}
              </Td>
              <NumTd>{r.decisions}</NumTd>
              <NumTd className={r.invalid > 0 ? 'text-amber-300' : ''}>{r.invalid}</NumTd>
              <NumTd>{r.trades}</NumTd>
              <NumTd>{r.winRatePct === null ? '—' : formatPercent(r.winRatePct, 1)}</NumTd>
              <NumTd className={toneClass(r.realizedPnl)}>{formatSignedMoney(r.realizedPnl)}</NumTd>
              <NumTd>${Number(r.aiCost).toFixed(4)}</NumTd>
              <NumTd>
                {r.costPctOfGross === null ? '—' : formatSignedPercent(r.costPctOfGross)}
              </NumTd>
              <Td>
                {r.strategyVersionId && (
                  <button
                    type="button"
                    aria-expanded={open === r.strategyVersionId}
                    onClick={() =>
                      setOpen(open === r.strategyVersionId ? null : r.strategyVersionId)
                    }
                    className="text-sm text-accent hover:underline"
                  >
                    Calibration
                  </button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {open && <CalibrationTable versionId={open} />}
    </div>
  );
}

function CalibrationTable({ versionId }: { versionId: string }) {
  const query = useQuery({
    queryKey: ['decisions', 'calibration', versionId],
    queryFn: async () => {
      const result = await calibrationAction(null, { strategyVersionId: versionId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  if (query.isPending) return <Skeleton className="h-32" />;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-loss">
        {query.error.message}
      </p>
    );
  const c = query.data;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-200">
        Calibration: stated confidence against take-profit hit rate · {c.samples} trades
        {c.skipped ? `, ${c.skipped} without TP/SL outcome` : ''} · Brier score{' '}
        {c.brierScore === null ? '—' : c.brierScore.toFixed(3)}
      </h3>
      {c.samples === 0 ? (
        <p className="text-sm text-slate-400">
          No closed trade with a take-profit or stop-loss outcome yet.
        </p>
      ) : (
        <Table label="Calibration">
          <thead>
            <tr>
              <Th>Confidence</Th>
              <Th className="text-right">Trades</Th>
              <Th className="text-right">Avg confidence</Th>
              <Th className="text-right">TP hit rate</Th>
              <Th className="text-right">Gap</Th>
            </tr>
          </thead>
          <tbody>
            {c.buckets.map((b) => (
              <tr key={b.from}>
                <Td>
                  {b.from}–{b.to}
                </Td>
                <NumTd>{b.count}</NumTd>
                <NumTd>{b.avgConfidence === null ? '—' : formatPercent(b.avgConfidence, 1)}</NumTd>
                <NumTd>{b.hitRatePct === null ? '—' : formatPercent(b.hitRatePct, 1)}</NumTd>
                <NumTd className={toneClass(b.gapPct)}>
                  {b.gapPct === null ? '—' : formatSignedPercent(b.gapPct, 1)}
                </NumTd>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
