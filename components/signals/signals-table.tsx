'use client';

import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { listSignalsAction } from '@/app/(app)/signals/actions';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { DetailRow, DetailsToggle, NumTd, Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatPrice, formatQty } from '@/lib/format';
import { queryKeys } from '@/lib/realtime/query-keys';
import type { signalLog } from '@/lib/signals/signal-exports';
import { RiskResults } from './risk-results';
import {
  EMPTY_FILTERS,
  exportUrl,
  filterParams,
  tradesExportUrl,
  type SignalFilters,
} from './signal-filters';

export type SignalPage = Awaited<ReturnType<typeof signalLog>>;
type SignalItem = SignalPage['items'][number];

const SOURCES = ['strategy', 'ai', 'tradingview', 'manual', 'api'];
const STATUSES = ['queued', 'executing', 'executed', 'rejected', 'duplicate', 'failed'];
const statusTone: Record<string, BadgeTone> = {
  executed: 'profit',
  rejected: 'loss',
  failed: 'loss',
  duplicate: 'neutral',
  queued: 'info',
  executing: 'info',
};
const inputClass =
  'rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100 focus:border-accent focus:outline-none';

/** Every signal with its source and decision; a row expands to each risk rule's result. Live via `signal:*` events. */
export function SignalsTable({
  initial,
  ruleLabels,
}: {
  initial: SignalPage;
  ruleLabels: Record<string, string>;
}) {
  const [filters, setFilters] = useState<SignalFilters>(EMPTY_FILTERS);
  const [limit, setLimit] = useState(50);
  const [open, setOpen] = useState<string | null>(null);
  const isDefault = JSON.stringify(filters) === JSON.stringify(EMPTY_FILTERS) && limit === 50;
  const query = useQuery({
    queryKey: [...queryKeys.signals.all, 'log', filters, limit],
    queryFn: async () => {
      const result = await listSignalsAction(null, { ...filterParams(filters), limit });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: isDefault ? initial : undefined,
    staleTime: 5_000,
  });
  const set =
    (key: keyof SignalFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setFilters((f) => ({ ...f, [key]: e.target.value }));
  const items = query.data?.items ?? [];

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => e.preventDefault()}
        aria-label="Signal filters"
      >
        <FilterField label="Source" id="f-source">
          <select
            id="f-source"
            value={filters.source}
            onChange={set('source')}
            className={inputClass}
          >
            <option value="">All</option>
            {SOURCES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Decision" id="f-status">
          <select
            id="f-status"
            value={filters.status}
            onChange={set('status')}
            className={inputClass}
          >
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Symbol" id="f-symbol">
          <input
            id="f-symbol"
            value={filters.symbol}
            onChange={set('symbol')}
            placeholder="BTC/USDT"
            className={`${inputClass} w-32`}
          />
        </FilterField>
        <FilterField label="From" id="f-from">
          <input
            id="f-from"
            type="date"
            value={filters.from}
            onChange={set('from')}
            className={inputClass}
          />
        </FilterField>
        <FilterField label="To" id="f-to">
          <input
            id="f-to"
            type="date"
            value={filters.to}
            onChange={set('to')}
            className={inputClass}
          />
        </FilterField>
        <Button
          type="button"
          variant="secondary"
          onClick={() => setFilters(EMPTY_FILTERS)}
          disabled={JSON.stringify(filters) === JSON.stringify(EMPTY_FILTERS)}
        >
          Reset filters
        </Button>
        <span className="ml-auto flex gap-2">
          <a
            href={exportUrl(filters)}
            className="rounded-md border border-surface-border px-3 py-2 text-sm text-slate-200 hover:bg-slate-800"
            download
          >
            Export signals CSV
          </a>
          <a
            href={tradesExportUrl(filters)}
            className="rounded-md border border-surface-border px-3 py-2 text-sm text-slate-200 hover:bg-slate-800"
            download
          >
            Export trades CSV
          </a>
        </span>
      </form>

      {query.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading signals">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-8" />
          ))}
        </div>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-loss">
          Could not load signals: {query.error.message}
        </p>
      ) : items.length === 0 ? (
        <EmptyState title={isDefault ? 'No signals yet' : 'No signal matches these filters'}>
          {isDefault
            ? 'Signals arrive from your bots, from TradingView alerts sent to your webhook URL (set it up above) and from manual orders.'
            : 'Widen the filters or reset them.'}
        </EmptyState>
      ) : (
        <Table label="Signals">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Source</Th>
              <Th>Symbol</Th>
              <Th>Action</Th>
              <Th className="text-right">Size</Th>
              <Th className="text-right">SL / TP</Th>
              <Th>Decision</Th>
              <Th>Reason</Th>
              <Th>
                <span className="sr-only">Details</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <Fragment key={s.id}>
                <tr data-testid="signal-row">
                  <Td className="whitespace-nowrap text-slate-400">
                    {formatDateTime(s.createdAt)}
                  </Td>
                  <Td>
                    <Badge tone={s.source === 'tradingview' ? 'info' : 'neutral'}>{s.source}</Badge>
                  </Td>
                  <Td className="font-medium text-slate-100">{s.symbol}</Td>
                  <Td
                    className={
                      s.action === 'buy'
                        ? 'text-profit'
                        : s.action === 'sell'
                          ? 'text-loss'
                          : 'text-slate-300'
                    }
                  >
                    {s.action}
                  </Td>
                  <NumTd>{size(s)}</NumTd>
                  <NumTd className="text-slate-400">
                    {s.stopLoss ? formatPrice(s.stopLoss) : '—'} /{' '}
                    {s.takeProfit ? formatPrice(s.takeProfit) : '—'}
                  </NumTd>
                  <Td>
                    <Badge tone={statusTone[s.status] ?? 'neutral'}>{s.status}</Badge>
                  </Td>
                  <Td className="max-w-xs truncate text-slate-400" title={s.reason ?? undefined}>
                    {s.reason ?? (s.order ? `order ${s.order.status}` : '—')}
                  </Td>
                  <Td>
                    <DetailsToggle
                      open={open === s.id}
                      onToggle={() => setOpen(open === s.id ? null : s.id)}
                    />
                  </Td>
                </tr>
                {open === s.id && (
                  <DetailRow colSpan={9}>
                    <SignalDetail signal={s} ruleLabels={ruleLabels} />
                  </DetailRow>
                )}
              </Fragment>
            ))}
          </tbody>
        </Table>
      )}
      {query.data?.nextCursor && limit < 200 && (
        <Button
          type="button"
          variant="secondary"
          onClick={() => setLimit((l) => Math.min(200, l + 50))}
        >
          Show more
        </Button>
      )}
    </div>
  );
}

function size(s: SignalItem): string {
  if (s.quantity) return formatQty(s.quantity);
  if (s.quoteAmount) return `${formatQty(s.quoteAmount)} quote`;
  return 'sized by policy';
}

function SignalDetail({
  signal,
  ruleLabels,
}: {
  signal: SignalItem;
  ruleLabels: Record<string, string>;
}) {
  return (
    <div className="space-y-3">
      <RiskResults results={signal.riskResults} labels={ruleLabels} />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <Detail label="Strategy" value={signal.strategy} />
        <Detail label="Timeframe" value={signal.timeframe} />
        <Detail
          label="Confidence"
          value={signal.confidence === null ? null : String(signal.confidence)}
        />
        <Detail
          label="Decided"
          value={signal.decidedAt ? formatDateTime(signal.decidedAt) : null}
        />
        <Detail
          label="Order"
          value={
            signal.order
              ? `${signal.order.side} ${formatQty(signal.order.filledQuantity)} @ ${formatPrice(signal.order.averagePrice)} (${signal.order.status})`
              : null
          }
        />
        <Detail label="Reason" value={signal.reason} />
      </dl>
      {signal.reasoning && <p className="text-sm text-slate-300">{signal.reasoning}</p>}
      {signal.payload != null && (
        <details>
          <summary className="cursor-pointer text-xs text-slate-400">Payload as received</summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded bg-black/40 p-2 text-xs text-slate-300">
            {JSON.stringify(signal.payload, null, 2)}
          </pre>
        </details>
      )}
    </div>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-slate-200">{value ?? '—'}</dd>
    </div>
  );
}

function FilterField({
  label,
  id,
  children,
}: {
  label: string;
  id: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs text-slate-400">
        {label}
      </label>
      {children}
    </div>
  );
}
