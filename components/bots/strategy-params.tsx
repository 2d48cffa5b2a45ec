import { TextField } from '@/components/ui/text-field';
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
      {strategy.params.map((param) => (
        <TextField
          key={param.key}
          label={param.label}
          name={`param-${param.key}`}
          type="number"
          inputMode="decimal"
          min={param.min}
          max={param.max}
          step={param.step ?? 'any'}
          value={values[param.key] ?? ''}
          onChange={(e) => onChange(param.key, e.target.value)}
          className="font-mono"
          hint={`${param.description} Default ${String(param.default)}.`}
          error={errors[`strategyParams.${param.key}`] ?? errors[param.key]}
        />
      ))}
    </fieldset>
  );
}
