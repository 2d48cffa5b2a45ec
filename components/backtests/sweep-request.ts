import type { StrategySummary } from '@/lib/core/strategy';

const text = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === 'string' ? value.trim() : '';
};

const num = (form: FormData, key: string): number | undefined => {
  const raw = text(form, key);
  return raw === '' ? undefined : Number(raw);
};

/**
 * The sweep part of the form's request (`mode`, `grid`, `metric`, `minTrades`, `walkForward`,
 * as `backtestRunSchema` parses it) added to the single-run body. A parameter is swept when
 * its minimum or maximum is filled in (max defaults to min, step to the parameter's step or 1);
 * swept parameters leave the base params, which only set the others.
 */
export function withSweep<B extends { params: Record<string, number> }>(
  body: B,
  form: FormData,
  strategy: StrategySummary,
): B & Record<string, unknown> {
  const mode = text(form, 'mode') || 'single';
  if (mode === 'single') return { ...body, mode };
  const grid: Record<string, { min?: number; max?: number; step?: number }> = {};
  const params = { ...body.params };
  for (const p of strategy.params) {
    const min = num(form, `grid.${p.key}.min`);
    const max = num(form, `grid.${p.key}.max`);
    if (min === undefined && max === undefined) continue;
    grid[p.key] = {
      min: min ?? max,
      max: max ?? min,
      step: num(form, `grid.${p.key}.step`) ?? p.step ?? 1,
    };
    delete params[p.key];
  }
  return {
    ...body,
    params,
    mode,
    grid,
    metric: text(form, 'metric') || 'sharpe',
    minTrades: num(form, 'minTrades') ?? 30,
    ...(mode === 'walk-forward'
      ? {
          walkForward: {
            unit: text(form, 'wf.unit') || 'bars',
            train: num(form, 'wf.train'),
            test: num(form, 'wf.test'),
            step: num(form, 'wf.step'),
          },
        }
      : {}),
  };
}
