'use client';

import { useState, useTransition } from 'react';
import { tryAiStrategyAction } from '@/app/(app)/strategies/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { TryStrategyResult } from '@/lib/ai-runtime';

const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'];

/** "Try now": one decision on current market data with the strategy's current version. Never trades. */
export function TryNow({ strategyId }: { strategyId: string }) {
  const [result, setResult] = useState<TryStrategyResult | null>(null);
  const [error, setError] = useState<Record<string, string[]> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (form: FormData) =>
    startTransition(async () => {
      const outcome = await tryAiStrategyAction(null, {
        strategyId,
        symbol: form.get('symbol'),
        timeframe: form.get('timeframe'),
      });
      if (outcome.ok) {
        setResult(outcome.data);
        setError(null);
      } else setError(outcome.error.fields ?? { _: [outcome.error.message] });
    });
  const d = result?.decision;
  return (
    <div className="space-y-3">
      <form action={run} className="flex flex-wrap items-end gap-3" aria-label="Try now">
        <div>
          <label htmlFor={`try-symbol-${strategyId}`} className="block text-xs text-slate-400">
            Symbol
          </label>
          <input
            id={`try-symbol-${strategyId}`}
            name="symbol"
            defaultValue="BTC/USDT"
            required
            className="w-32 rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          />
        </div>
        <div>
          <label htmlFor={`try-tf-${strategyId}`} className="block text-xs text-slate-400">
            Timeframe
          </label>
          <select
            id={`try-tf-${strategyId}`}
            name="timeframe"
            defaultValue="1h"
            className="rounded-md border border-surface-border bg-surface px-2 py-1.5 text-sm text-slate-100"
          >
            {TIMEFRAMES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Asking…' : 'Try now'}
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-loss">
          {Object.values(error).flat().join(' ')}
        </p>
      )}
      {d && result && (
        <div
          data-testid="try-result"
          className="space-y-1 rounded-md border border-surface-border bg-surface p-3 text-sm"
        >
          <p>
            <Badge tone={d.action === 'buy' ? 'profit' : d.action === 'sell' ? 'loss' : 'neutral'}>
              {d.action}
            </Badge>{' '}
            confidence <span className="font-mono">{d.confidence}</span>
            {d.stopLoss !== null && <span className="text-slate-400"> · SL {d.stopLoss}</span>}
            {d.takeProfit !== null && <span className="text-slate-400"> · TP {d.takeProfit}</span>}
          </p>
          <p className="text-slate-300">{d.reasoning}</p>
          <p className="font-mono text-xs text-slate-500">
            {result.ledger.provider} · {result.ledger.model} · {result.ledger.inputTokens}+
            {result.ledger.outputTokens} tokens · ${Number(result.ledger.cost).toFixed(6)} ·{' '}
            {result.ledger.latencyMs} ms
            {result.ledger.error ? ` · ${result.ledger.error}` : ''}
          </p>
        </div>
      )}
    </div>
  );
}
