'use client';

import { useQuery } from '@tanstack/react-query';
import { getDecisionAction } from '@/app/(app)/ai-log/actions';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import {
  formatDateTime,
  formatPrice,
  formatQty,
  formatSignedMoney,
  formatSignedPercent,
  toneClass,
} from '@/lib/format';
import { queryKeys } from '@/lib/realtime/query-keys';

/** One decision in full: prompt, raw response, parsed decision, tokens, cost, latency and the trade it caused. */
export function DecisionDetail({ id }: { id: string }) {
  const query = useQuery({
    queryKey: [...queryKeys.decisions.all, 'detail', id],
    queryFn: async () => {
      const result = await getDecisionAction(null, { id });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
  });
  if (query.isPending) return <Skeleton className="h-48" />;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-loss">
        {query.error.message}
      </p>
    );
  const { decision: d, signal, orders, outcome } = query.data;
  return (
    <div className="space-y-4" data-testid="decision-detail">
      <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <Fact label="Provider / model" value={`${d.provider} · ${d.model}`} />
        <Fact label="Decided by" value={d.decidedBy} />
        <Fact
          label="Tokens in / cached / out"
          value={`${d.inputTokens} / ${d.cachedInputTokens} / ${d.outputTokens}`}
        />
        <Fact label="Cost" value={`$${Number(d.cost).toFixed(6)}`} />
        <Fact label="Latency" value={`${d.latencyMs} ms`} />
        <Fact label="Provider calls" value={String(d.providerCalls)} />
        <Fact label="Cache" value={d.cacheHit ? 'hit' : 'miss'} />
        <Fact label="Time" value={formatDateTime(d.createdAt)} />
      </dl>
      {d.error && (
        <p
          role="alert"
          className="rounded-md border border-loss/40 bg-loss/10 px-3 py-2 text-sm text-red-200"
        >
          Error: {d.error}
        </p>
      )}
      <section>
        <h3 className="mb-1 text-sm font-semibold text-slate-200">What it led to</h3>
        {!signal ? (
          <p className="text-sm text-slate-400">
            {d.action === 'hold'
              ? 'A hold: no signal was raised.'
              : 'No signal is linked to this decision.'}
          </p>
        ) : (
          <div className="space-y-1 text-sm">
            <p>
              Signal{' '}
              <Badge
                tone={
                  signal.status === 'executed'
                    ? 'profit'
                    : signal.status === 'rejected' || signal.status === 'failed'
                      ? 'loss'
                      : 'info'
                }
              >
                {signal.status}
              </Badge>{' '}
              {signal.reason && <span className="text-slate-400">{signal.reason}</span>}
            </p>
            {orders.map((o) => (
              <p key={o.id} className="font-mono text-xs text-slate-300">
                {o.role} {o.side} {formatQty(o.filledQuantity)} @{' '}
                {formatPrice(o.averagePrice ?? o.price)} · {o.status}
              </p>
            ))}
            {outcome && (
              <p data-testid="decision-outcome">
                Position {outcome.status}
                {outcome.status === 'closed' && (
                  <>
                    {' '}
                    by {outcome.exitReason}:{' '}
                    <span className={toneClass(outcome.realizedPnl)}>
                      {formatSignedMoney(outcome.realizedPnl)} (
                      {formatSignedPercent(outcome.realizedPnlPct)})
                    </span>
                  </>
                )}
              </p>
            )}
          </div>
        )}
      </section>
      <Block title="Parsed decision" text={d.parsed ? JSON.stringify(d.parsed, null, 2) : '—'} />
      {d.validationErrors && d.validationErrors.length > 0 && (
        <Block title="Validation errors" text={JSON.stringify(d.validationErrors, null, 2)} />
      )}
      <Block title="Prompt" text={d.prompt} />
      <Block title="Raw response" text={d.rawResponse ?? '(no response)'} />
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="font-mono text-slate-200">{value}</dd>
    </div>
  );
}

function Block({ title, text }: { title: string; text: string }) {
  return (
    <section>
      <h3 className="mb-1 text-sm font-semibold text-slate-200">{title}</h3>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md border border-surface-border bg-black/40 p-3 font-mono text-xs text-slate-300">
        {text}
      </pre>
    </section>
  );
}
