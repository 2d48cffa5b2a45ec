'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { StrategySummary } from '@/lib/core/strategy/registry';

/** A built-in rule strategy with a form for its parameters (validated by their ranges); bots and backtests use them. */
export function RuleStrategyCard({ strategy }: { strategy: StrategySummary }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(strategy.params.map((p) => [p.key, String(p.default)])),
  );
  const invalid = (key: string, min?: number, max?: number) => {
    const n = Number(values[key]);
    return !Number.isFinite(n) || (min !== undefined && n < min) || (max !== undefined && n > max);
  };
  const anyInvalid = strategy.params.some(
    (p) => typeof p.default === 'number' && invalid(p.key, p.min, p.max),
  );
  const query = new URLSearchParams({
    strategy: strategy.id,
    params: JSON.stringify(
      Object.fromEntries(
        strategy.params.map((p) => [
          p.key,
          typeof p.default === 'number' ? Number(values[p.key]) : values[p.key],
        ]),
      ),
    ),
  });
  return (
    <article
      aria-label={strategy.name}
      className="space-y-3 rounded-lg border border-surface-border bg-surface-raised p-5"
    >
      <header>
        <h3 className="text-lg font-semibold text-slate-100">{strategy.name}</h3>
        <p className="text-sm text-slate-400">{strategy.description}</p>
        <p className="text-xs text-slate-500">
          Needs {strategy.warmup} candles of history before its first decision.
        </p>
      </header>
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => e.preventDefault()}
        aria-label={`${strategy.name} parameters`}
      >
        {strategy.params.map((p) => {
          const id = `${strategy.id}-${p.key}`;
          const numeric = typeof p.default === 'number';
          const bad = numeric && invalid(p.key, p.min, p.max);
          return (
            <div key={p.key}>
              <label htmlFor={id} className="block text-sm text-slate-300">
                {p.label}
              </label>
              <input
                id={id}
                type={numeric ? 'number' : 'text'}
                min={p.min}
                max={p.max}
                step={p.step ?? 'any'}
                value={values[p.key] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [p.key]: e.target.value }))}
                aria-invalid={bad ? true : undefined}
                aria-describedby={`${id}-hint`}
                className="w-full rounded-md border border-surface-border bg-surface px-2 py-1.5 font-mono text-sm text-slate-100"
              />
              <p id={`${id}-hint`} className={`text-xs ${bad ? 'text-loss' : 'text-slate-500'}`}>
                {bad ? `Between ${p.min ?? '−∞'} and ${p.max ?? '∞'}. ` : ''}
                {p.description} Default {String(p.default)}.
              </p>
            </div>
          );
        })}
      </form>
      <div className="flex gap-2">
        {anyInvalid ? (
          <span className="text-sm text-loss">Fix the parameters to backtest.</span>
        ) : (
          <Link
            href={`/backtests?${query.toString()}`}
            className="rounded-md border border-surface-border px-3 py-2 text-sm text-slate-200 hover:bg-slate-800"
          >
            Backtest with these parameters
          </Link>
        )}
        <Link
          href={`/bots/new?strategy=${strategy.id}`}
          className="rounded-md border border-surface-border px-3 py-2 text-sm text-slate-200 hover:bg-slate-800"
        >
          New bot with this strategy
        </Link>
      </div>
    </article>
  );
}
