import type { StrategySummary } from '@/lib/core/strategy';

/** Number inputs for a rule strategy's parameters, each with its label, range and description. */
export function StrategyParams({
  strategy,
  values,
  onChange,
  errors,
}: {
  strategy: StrategySummary;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  errors: Record<string, string[]>;
}) {
  return (
    <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="sr-only">{strategy.name} parameters</legend>
      {strategy.params.map((param) => {
        const id = `param-${param.key}`;
        const error = errors[`strategyParams.${param.key}`] ?? errors[param.key];
        return (
          <div key={param.key} className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-300">
              {param.label}
            </label>
            <input
              id={id}
              type="number"
              inputMode="decimal"
              min={param.min}
              max={param.max}
              step={param.step ?? 'any'}
              value={values[param.key] ?? ''}
              onChange={(e) => onChange(param.key, e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              className="w-full rounded-md border border-surface-border bg-surface px-3 py-2 font-mono text-sm text-slate-100 focus:border-accent focus:outline-none"
            />
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {param.description} Default {String(param.default)}.
            </p>
            {error && <p className="text-sm text-loss">{error.join(' ')}</p>}
          </div>
        );
      })}
    </fieldset>
  );
}
