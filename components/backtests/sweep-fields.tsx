'use client';

import { useState } from 'react';
import {
  BACKTEST_MODES,
  gridParamValues,
  MAX_SWEEP_COMBINATIONS,
  type BacktestMode,
} from '@/lib/backtests/sweep-input';
import type { StrategySummary } from '@/lib/core/strategy';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';

type Fields = Record<string, string[]>;
type Range = { min: string; max: string; step: string };

const MODE_LABELS: Record<BacktestMode, string> = {
  single: 'Single run',
  sweep: 'Parameter sweep',
  'walk-forward': 'Walk-forward',
};

export const METRIC_OPTIONS = [
  { value: 'sharpe', label: 'Sharpe' },
  { value: 'sortino', label: 'Sortino' },
  { value: 'calmar', label: 'Calmar' },
  { value: 'profitFactor', label: 'Profit factor' },
  { value: 'totalReturn', label: 'Total return' },
];

/** Values of one range row: a count, an error, or null when the row is not swept. */
function rowCount(
  key: string,
  range: Range | undefined,
  fallbackStep: number,
): number | string | null {
  if (!range || (range.min.trim() === '' && range.max.trim() === '')) return null;
  const min = Number(range.min.trim() === '' ? range.max : range.min);
  const max = Number(range.max.trim() === '' ? range.min : range.max);
  const step = range.step.trim() === '' ? fallbackStep : Number(range.step);
  if (![min, max, step].every(Number.isFinite)) return 'not a number';
  const values = gridParamValues(key, { min, max, step });
  return typeof values === 'string' ? values : values.length;
}

/**
 * The run mode switch and, for a sweep or walk-forward, the grid (a min / max / step row per
 * strategy parameter; an empty row is not swept) with the live number of combinations, the
 * ranking metric, and the walk-forward windows. Inputs are named as `withSweep` reads them.
 */
export function SweepFields({ strategy, errors }: { strategy: StrategySummary; errors: Fields }) {
  const [mode, setMode] = useState<BacktestMode>('single');
  const [ranges, setRanges] = useState<Record<string, Range>>({});
  const set = (key: string, field: keyof Range, value: string) =>
    setRanges((r) => ({
      ...r,
      [key]: { ...(r[key] ?? { min: '', max: '', step: '' }), [field]: value },
    }));
  const counts = strategy.params.map((p) => rowCount(p.key, ranges[p.key], p.step ?? 1));
  const swept = counts.filter((c): c is number => typeof c === 'number');
  const combinations = swept.reduce((n, c) => n * c, 1);
  const tooMany = combinations > MAX_SWEEP_COMBINATIONS;

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-slate-200">Run</legend>
        <div className="inline-flex flex-wrap overflow-hidden rounded-md border border-surface-border">
          {BACKTEST_MODES.map((m) => (
            <label
              key={m}
              className={`cursor-pointer px-3 py-1.5 text-sm focus-within:ring-2 focus-within:ring-accent ${
                mode === m ? 'bg-accent text-white' : 'bg-surface text-slate-300 hover:bg-slate-800'
              }`}
            >
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                className="sr-only"
              />
              {MODE_LABELS[m]}
            </label>
          ))}
        </div>
        {errors.mode && <p className="mt-1 text-sm text-loss">{errors.mode.join(' ')}</p>}
      </fieldset>
      {mode !== 'single' && (
        <fieldset className="space-y-3" aria-describedby="grid-help">
          <legend className="text-sm font-semibold text-slate-200">Grid</legend>
          <p id="grid-help" className="text-xs text-slate-400">
            Fill in a minimum and maximum for each parameter to sweep (the step defaults to the
            parameter’s own); the others keep the values above. At most{' '}
            {MAX_SWEEP_COMBINATIONS.toLocaleString('en')} combinations. Runs on every core of the
            worker.
          </p>
          <div className="grid gap-2">
            <div
              aria-hidden
              className="hidden text-xs uppercase tracking-wide text-slate-500 sm:grid sm:grid-cols-[12rem_repeat(3,minmax(0,7rem))_1fr] sm:gap-2"
            >
              <span>Parameter</span>
              <span>Min</span>
              <span>Max</span>
              <span>Step</span>
              <span />
            </div>
            {strategy.params.map((p, k) => {
              const count = counts[k];
              const error = errors[`grid.${p.key}`] ?? [
                ...(errors[`grid.${p.key}.min`] ?? []),
                ...(errors[`grid.${p.key}.max`] ?? []),
                ...(errors[`grid.${p.key}.step`] ?? []),
              ];
              return (
                <div
                  key={p.key}
                  className="grid grid-cols-2 items-center gap-2 sm:grid-cols-[12rem_repeat(3,minmax(0,7rem))_1fr]"
                >
                  <span
                    className="col-span-2 text-sm text-slate-300 sm:col-span-1"
                    title={p.description}
                  >
                    {p.label}
                  </span>
                  {(['min', 'max', 'step'] as const).map((field) => (
                    <input
                      key={field}
                      name={`grid.${p.key}.${field}`}
                      aria-label={`${p.label} ${field === 'min' ? 'minimum' : field === 'max' ? 'maximum' : 'step'}`}
                      type="number"
                      inputMode="decimal"
                      step="any"
                      placeholder={
                        field === 'step' ? String(p.step ?? 1) : field === 'min' ? 'min' : 'max'
                      }
                      value={ranges[p.key]?.[field] ?? ''}
                      onChange={(e) => set(p.key, field, e.target.value)}
                      aria-invalid={error.length > 0 ? true : undefined}
                      className="w-full rounded-md border border-surface-border bg-surface px-2 py-1.5 font-mono text-sm text-slate-100 placeholder:text-slate-600 focus:border-accent focus:outline-none"
                    />
                  ))}
                  <span className="text-xs text-slate-400">
                    {count === null ? (
                      'not swept'
                    ) : typeof count === 'string' ? (
                      <span className="text-loss">{count}</span>
                    ) : (
                      `${count} value${count === 1 ? '' : 's'}`
                    )}
                  </span>
                  {error.length > 0 && (
                    <p className="col-span-full text-sm text-loss">{error.join(' ')}</p>
                  )}
                </div>
              );
            })}
          </div>
          <p
            role="status"
            aria-live="polite"
            className={`text-sm ${tooMany ? 'text-loss' : 'text-slate-200'}`}
          >
            {swept.length === 0
              ? 'No parameter swept yet.'
              : `${combinations.toLocaleString('en')} combination${combinations === 1 ? '' : 's'}${
                  tooMany ? ` — more than ${MAX_SWEEP_COMBINATIONS.toLocaleString('en')}` : ''
                }`}
          </p>
          {errors.grid && <p className="text-sm text-loss">{errors.grid.join(' ')}</p>}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Select
              label="Rank by"
              name="metric"
              defaultValue="sharpe"
              options={METRIC_OPTIONS}
              error={errors.metric}
            />
            <TextField
              label="Warn below (trades)"
              name="minTrades"
              type="number"
              min={0}
              defaultValue={30}
              error={errors.minTrades}
            />
          </div>
        </fieldset>
      )}
      {mode === 'walk-forward' && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-slate-200">Walk-forward windows</legend>
          <p className="text-xs text-slate-400">
            The grid is swept on each train window; its best params then trade the test window right
            after (out-of-sample). Windows move on by the step (default: the test length).
          </p>
          {errors.walkForward && (
            <p className="text-sm text-loss">{errors.walkForward.join(' ')}</p>
          )}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Select
              label="Window unit"
              name="wf.unit"
              defaultValue="days"
              options={[
                { value: 'days', label: 'Days' },
                { value: 'bars', label: 'Bars' },
              ]}
              error={errors['walkForward.unit']}
            />
            <TextField
              label="Train window"
              name="wf.train"
              type="number"
              min={1}
              defaultValue={60}
              error={errors['walkForward.train']}
            />
            <TextField
              label="Test window"
              name="wf.test"
              type="number"
              min={1}
              defaultValue={20}
              error={errors['walkForward.test']}
            />
            <TextField
              label="Step (optional)"
              name="wf.step"
              type="number"
              min={1}
              placeholder="= test window"
              error={errors['walkForward.step']}
            />
          </div>
        </fieldset>
      )}
    </div>
  );
}
