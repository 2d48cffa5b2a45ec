'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { KeyMetrics, StoredSweepResult, StoredSweepRow } from '@/lib/backtests/sweep-result';
import { formatPercent, formatRatio, formatSignedPercent, toneClass } from '@/lib/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Stat } from '@/components/ui/stat';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { METRIC_LABEL, SweepWarnings } from './sweep-warnings';

type SortKey = keyof KeyMetrics;

const COLUMNS: {
  key: SortKey;
  label: string;
  show: (v: number | null) => string;
  tone?: boolean;
}[] = [
  { key: 'totalReturnPct', label: 'Return', show: (v) => formatSignedPercent(v), tone: true },
  { key: 'sharpe', label: 'Sharpe', show: (v) => formatRatio(v) },
  { key: 'sortino', label: 'Sortino', show: (v) => formatRatio(v) },
  { key: 'calmar', label: 'Calmar', show: (v) => formatRatio(v) },
  { key: 'profitFactor', label: 'Profit factor', show: (v) => (v === null ? '∞' : formatRatio(v)) },
  { key: 'maxDrawdownPct', label: 'Max DD', show: (v) => formatPercent(v) },
  { key: 'winRatePct', label: 'Win rate', show: (v) => formatPercent(v, 1) },
  { key: 'tradeCount', label: 'Trades', show: (v) => String(v ?? 0) },
];

/** The stored metric a ranking metric sorts (`totalReturn` is `totalReturnPct`). */
const RANK_KEY: Record<string, SortKey> = {
  sharpe: 'sharpe',
  sortino: 'sortino',
  calmar: 'calmar',
  profitFactor: 'profitFactor',
  totalReturn: 'totalReturnPct',
};

/** The same market, range and options as a single run with one combination's params. */
export interface SingleRunBase {
  name: string;
  strategyId: string;
  venue: string;
  symbol: string;
  timeframe: string;
  source: string;
  from: string;
  to: string;
  options: Record<string, unknown>;
}

/** Sorts nulls (∞ profit factor aside) last; lower is better only for the drawdown. */
function compare(a: StoredSweepRow, b: StoredSweepRow, key: SortKey, desc: boolean): number {
  const va = a.metrics[key];
  const vb = b.metrics[key];
  const inf = key === 'profitFactor' ? Infinity : -Infinity;
  const x = va === null ? inf : va;
  const y = vb === null ? inf : vb;
  return (desc ? y - x : x - y) || a.rank - b.rank;
}

/**
 * A completed sweep: the warnings first (best on the edge of the grid, too few trades), the
 * best combination, and the ranked table (the top combinations; sortable by any metric, ranked
 * by the chosen one), each row openable as a single backtest with its params.
 */
export function SweepResultView({
  result,
  keys,
  labels,
  base,
}: {
  result: StoredSweepResult;
  keys: string[];
  labels: Record<string, string>;
  base: SingleRunBase;
}) {
  const router = useRouter();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({
    key: RANK_KEY[result.metric] ?? 'sharpe',
    desc: true,
  });
  const [opening, setOpening] = useState<number | null>(null);
  const rows = useMemo(
    () => [...result.top].sort((a, b) => compare(a, b, sort.key, sort.desc)),
    [result.top, sort],
  );
  const best = result.top[0];

  async function openSingle(row: StoredSweepRow) {
    setOpening(row.index);
    try {
      const combo = keys.map((k) => `${k} ${String(row.combo[k])}`).join(', ');
      const response = await fetch('/api/backtests/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...base,
          name: `${base.name.slice(0, 50)} · #${row.rank}`.slice(0, 80),
          params: row.params,
          mode: 'single',
        }),
      });
      const json = (await response.json()) as {
        backtest?: { id: string };
        error?: { message: string };
      };
      if (!response.ok || !json.backtest) {
        toast(json.error?.message ?? 'The backtest could not be queued.', 'error');
        return;
      }
      toast(`Single backtest queued (${combo}).`, 'success');
      router.push(`/backtests/${json.backtest.id}`);
    } catch {
      toast('Could not reach the server. Try again.', 'error');
    } finally {
      setOpening(null);
    }
  }

  return (
    <div className="space-y-6">
      <SweepWarnings warnings={result.warnings} title="Read the ranking with care" />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Combinations"
          value={result.combinations.toLocaleString('en')}
          hint={`${result.valid} ran · ${result.invalid} invalid`}
        />
        <Stat
          label={`Best ${METRIC_LABEL[result.metric] ?? result.metric}`}
          value={
            !best
              ? '—'
              : result.metric === 'totalReturn'
                ? formatSignedPercent(best.score)
                : formatRatio(best.score)
          }
          hint={
            best
              ? keys.map((k) => `${labels[k] ?? k} ${String(best.combo[k])}`).join(' · ')
              : undefined
          }
        />
        <Stat
          label="Best return"
          value={formatSignedPercent(best?.metrics.totalReturnPct)}
          valueClass={toneClass(best?.metrics.totalReturnPct ?? null)}
        />
        <Stat
          label="Best trades"
          value={String(best?.metrics.tradeCount ?? 0)}
          hint={`warning below ${result.minTrades}`}
        />
      </div>
      {result.invalidSamples.length > 0 && (
        <Alert>
          {result.invalid} combination{result.invalid === 1 ? ' was' : 's were'} skipped as invalid,
          e.g. {JSON.stringify(result.invalidSamples[0]!.combo)}: {result.invalidSamples[0]!.error}
        </Alert>
      )}
      <Card
        title={`Ranking by ${METRIC_LABEL[result.metric] ?? result.metric}${
          result.valid > result.top.length ? ` (top ${result.top.length} of ${result.valid})` : ''
        }`}
      >
        {rows.length === 0 ? (
          <EmptyState title="No combination could run">
            Every combination of the grid was rejected by the strategy; adjust the ranges.
          </EmptyState>
        ) : (
          <Table label="Sweep ranking">
            <thead>
              <tr>
                <Th>#</Th>
                {keys.map((k) => (
                  <Th key={k}>{labels[k] ?? k}</Th>
                ))}
                {COLUMNS.map((c) => (
                  <Th
                    key={c.key}
                    className="text-right"
                    aria-sort={
                      sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined
                    }
                  >
                    <button
                      type="button"
                      className="uppercase hover:text-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-accent"
                      onClick={() =>
                        setSort((s) => ({
                          key: c.key,
                          desc: s.key === c.key ? !s.desc : c.key !== 'maxDrawdownPct',
                        }))
                      }
                    >
                      {c.label}
                      {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
                    </button>
                  </Th>
                ))}
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.index} className={row.rank === 1 ? 'bg-accent/5' : undefined}>
                  <NumTd className="text-slate-400">{row.rank}</NumTd>
                  {keys.map((k) => (
                    <NumTd key={k} className="text-left text-slate-100">
                      {String(row.combo[k])}
                    </NumTd>
                  ))}
                  {COLUMNS.map((c) => (
                    <NumTd
                      key={c.key}
                      className={c.tone ? toneClass(row.metrics[c.key]) : 'text-slate-200'}
                    >
                      {c.show(row.metrics[c.key])}
                    </NumTd>
                  ))}
                  <Td>
                    <Button
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      disabled={opening !== null}
                      onClick={() => void openSingle(row)}
                      aria-label={`Open combination ${row.rank} as a single backtest`}
                    >
                      {opening === row.index ? 'Queuing…' : 'Open as single run'}
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
