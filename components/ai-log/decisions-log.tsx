'use client';

import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { listDecisionsAction } from '@/app/(app)/ai-log/actions';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { DetailRow, DetailsToggle, NumTd, Table, Td, Th } from '@/components/ui/table';
import type { DecisionListItem } from '@/lib/ai-runtime';
import { formatDateTime, formatSignedMoney, toneClass } from '@/lib/format';
import { queryKeys } from '@/lib/realtime/query-keys';
import { DecisionDetail } from './decision-detail';

interface Filters {
  botId: string;
  strategyVersionId: string;
  provider: string;
  action: string;
  valid: string;
  from: string;
  to: string;
}
const EMPTY: Filters = {
  botId: '',
  strategyVersionId: '',
  provider: '',
  action: '',
  valid: '',
  from: '',
  to: '',
};
const actionTone: Record<string, BadgeTone> = {
  buy: 'profit',
  sell: 'loss',
  close: 'warn',
  hold: 'neutral',
};
const inputClass =
  'rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100 focus:border-accent focus:outline-none';

function params(f: Filters, limit: number): Record<string, string | number> {
  const out: Record<string, string | number> = { limit };
  for (const [k, v] of Object.entries(f) as [keyof Filters, string][])
    if (v) out[k] = k === 'to' ? `${v}T23:59:59.999Z` : k === 'from' ? `${v}T00:00:00Z` : v;
  return out;
}

/** The decision ledger with filters; a row opens its full detail. New decisions arrive live. */
export function DecisionsLog({
  initial,
  bots,
  versions,
}: {
  initial: DecisionListItem[];
  bots: { id: string; name: string }[];
  versions: { id: string; label: string }[];
}) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [limit, setLimit] = useState(50);
  const [open, setOpen] = useState<string | null>(null);
  const isDefault = JSON.stringify(filters) === JSON.stringify(EMPTY) && limit === 50;
  const query = useQuery({
    queryKey: [...queryKeys.decisions.all, 'list', filters, limit],
    queryFn: async () => {
      const result = await listDecisionsAction(null, params(filters, limit));
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: isDefault ? initial : undefined,
    staleTime: 5_000,
  });
  const set =
    (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setFilters((f) => ({ ...f, [key]: e.target.value }));
  const select = (
    key: keyof Filters,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div>
      <label htmlFor={`d-${key}`} className="block text-xs text-slate-400">
        {label}
      </label>
      <select id={`d-${key}`} value={filters[key]} onChange={set(key)} className={inputClass}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const opt = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  const items = query.data ?? [];

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Decision filters"
        onSubmit={(e) => e.preventDefault()}
      >
        {select(
          'botId',
          'Bot',
          bots.map((b) => ({ value: b.id, label: b.name })),
        )}
        {select(
          'strategyVersionId',
          'Strategy version',
          versions.map((v) => ({ value: v.id, label: v.label })),
        )}
        {select('provider', 'Provider', opt(['openai', 'gemini', 'rules']))}
        {select('action', 'Action', opt(['buy', 'sell', 'hold', 'close']))}
        {select('valid', 'Valid', [
          { value: 'true', label: 'valid' },
          { value: 'false', label: 'invalid' },
        ])}
        <div>
          <label htmlFor="d-from" className="block text-xs text-slate-400">
            From
          </label>
          <input
            id="d-from"
            type="date"
            value={filters.from}
            onChange={set('from')}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="d-to" className="block text-xs text-slate-400">
            To
          </label>
          <input
            id="d-to"
            type="date"
            value={filters.to}
            onChange={set('to')}
            className={inputClass}
          />
        </div>
        <Button type="button" variant="secondary" onClick={() => setFilters(EMPTY)}>
          Reset filters
        </Button>
      </form>
      {query.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading decisions">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-8" />
          ))}
        </div>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-loss">
          {query.error.message}
        </p>
      ) : items.length === 0 ? (
        <EmptyState title={isDefault ? 'No AI decisions yet' : 'No decision matches these filters'}>
          {isDefault
            ? 'Create an AI strategy on the Strategies page, use "Try now", or start a bot that uses it. Every decision is recorded here.'
            : 'Widen or reset the filters.'}
        </EmptyState>
      ) : (
        <Table label="AI decisions">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Symbol</Th>
              <Th>Action</Th>
              <Th className="text-right">Confidence</Th>
              <Th>Provider</Th>
              <Th className="text-right">Tokens</Th>
              <Th className="text-right">Cost</Th>
              <Th className="text-right">Latency</Th>
              <Th className="text-right">Outcome</Th>
              <Th>
                <span className="sr-only">Details</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <Fragment key={d.id}>
                <tr data-testid="decision-row">
                  <Td className="whitespace-nowrap text-slate-400">
                    {formatDateTime(d.createdAt)}
                  </Td>
                  <Td className="text-slate-100">
                    {d.symbol ?? '—'} <span className="text-slate-500">{d.timeframe}</span>
                  </Td>
                  <Td>
                    <Badge tone={actionTone[d.action] ?? 'neutral'}>{d.action}</Badge>{' '}
                    {d.error && (
                      <Badge tone="loss" title={d.error}>
                        invalid
                      </Badge>
                    )}
                  </Td>
                  <NumTd>{d.confidence}</NumTd>
                  <Td className="text-slate-300">
                    {d.provider} <span className="text-xs text-slate-500">{d.model}</span>
                  </Td>
                  <NumTd>{d.inputTokens + d.outputTokens}</NumTd>
                  <NumTd>${Number(d.cost).toFixed(4)}</NumTd>
                  <NumTd>{d.latencyMs} ms</NumTd>
                  <NumTd className={toneClass(d.outcome?.realizedPnl)}>
                    {d.outcome
                      ? d.outcome.status === 'closed'
                        ? formatSignedMoney(d.outcome.realizedPnl)
                        : 'open'
                      : '—'}
                  </NumTd>
                  <Td>
                    <DetailsToggle
                      open={open === d.id}
                      onToggle={() => setOpen(open === d.id ? null : d.id)}
                    />
                  </Td>
                </tr>
                {open === d.id && (
                  <DetailRow colSpan={10}>
                    <DecisionDetail id={d.id} />
                  </DetailRow>
                )}
              </Fragment>
            ))}
          </tbody>
        </Table>
      )}
      {items.length >= limit && limit < 200 && (
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
