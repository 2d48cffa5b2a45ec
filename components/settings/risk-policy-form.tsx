'use client';

import { useState } from 'react';
import { saveRiskPolicyAction } from '@/app/(app)/settings/risk-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import {
  DEFAULT_RISK_POLICY,
  PERFORMANCE_DESCRIPTOR,
  RULE_CATALOG,
  riskPolicySchema,
  type RiskPolicy,
  type RuleParam,
} from '@/lib/core/risk';
import { TradingHoursEditor } from './trading-hours-editor';
import { useFormAction } from './use-form-action';

const RULES = [
  ...RULE_CATALOG.filter((r) => r.policyKey !== 'performance'),
  PERFORMANCE_DESCRIPTOR,
];
const unitLabel: Partial<Record<RuleParam['unit'], string>> = {
  quote: 'quote',
  '%': '%',
  count: '',
  seconds: 's',
  minutes: 'min',
  multiplier: '×',
};

type Rule = Record<string, unknown> & { enabled: boolean };

/** Every risk rule with its switch, its parameters and their defaults; validated like the server. */
export function RiskPolicyForm({ initial }: { initial: RiskPolicy }) {
  const [policy, setPolicy] = useState<RiskPolicy>(initial);
  const form = useFormAction(saveRiskPolicyAction, {
    validate: (i: { policy: RiskPolicy }) => riskPolicySchema.safeParse(i.policy),
    success: 'Risk policy saved.',
  });
  const rule = (key: keyof RiskPolicy) => policy[key] as unknown as Rule;
  const setField = (key: keyof RiskPolicy, field: string, value: unknown) =>
    setPolicy((p) => ({ ...p, [key]: { ...(p[key] as object), [field]: value } }));
  const errorsFor = (key: string) =>
    Object.entries(form.fields)
      .filter(
        ([path]) => path === key || path.startsWith(`${key}.`) || path.startsWith(`policy.${key}`),
      )
      .flatMap(([, m]) => m);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.run({ policy });
      }}
      noValidate
      aria-label="Risk policy"
      className="space-y-4"
    >
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <ul className="divide-y divide-surface-border rounded-md border border-surface-border">
        {RULES.map((descriptor) => {
          const key = descriptor.policyKey;
          const current = rule(key);
          const defaults = DEFAULT_RISK_POLICY[key] as unknown as Rule;
          const errors = errorsFor(key);
          return (
            <li key={key} className="grid grid-cols-1 gap-3 p-4 lg:grid-cols-[18rem_1fr]">
              <div>
                <label className="flex items-center gap-2 font-medium text-slate-100">
                  <input
                    type="checkbox"
                    checked={current.enabled}
                    onChange={(e) => setField(key, 'enabled', e.target.checked)}
                    className="accent-accent"
                  />
                  {descriptor.label}
                </label>
                <p className="mt-1 text-xs text-slate-400">{descriptor.description}</p>
                <p className="mt-1 text-xs text-slate-500">
                  Default: {descriptor.defaultEnabled ? 'on' : 'off'}.
                </p>
              </div>
              <div className={`space-y-3 ${current.enabled ? '' : 'opacity-60'}`}>
                {key === 'tradingHours' ? (
                  <TradingHoursEditor
                    windows={policy.tradingHours.windows}
                    days={policy.tradingHours.days}
                    onChange={(next) =>
                      setPolicy((p) => ({ ...p, tradingHours: { ...p.tradingHours, ...next } }))
                    }
                  />
                ) : (
                  <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                    {descriptor.params.map((param) => {
                      const id = `risk-${key}-${param.key}`;
                      const value = current[param.key];
                      if (param.unit === 'flag') {
                        return (
                          <label
                            key={param.key}
                            htmlFor={id}
                            className="flex items-center gap-2 text-sm text-slate-300"
                          >
                            <input
                              id={id}
                              type="checkbox"
                              checked={value === true}
                              onChange={(e) => setField(key, param.key, e.target.checked)}
                              className="accent-accent"
                            />
                            {param.label}{' '}
                            <span className="text-xs text-slate-500">
                              (default {defaults[param.key] ? 'on' : 'off'})
                            </span>
                          </label>
                        );
                      }
                      return (
                        <TextField
                          key={param.key}
                          label={
                            <>
                              {param.label}{' '}
                              {unitLabel[param.unit] ? (
                                <span className="text-slate-500">({unitLabel[param.unit]})</span>
                              ) : null}
                            </>
                          }
                          name={id}
                          type="number"
                          step="any"
                          value={typeof value === 'number' ? value : ''}
                          placeholder={param.nullable ? 'off' : ''}
                          onChange={(e) =>
                            setField(
                              key,
                              param.key,
                              e.target.value === ''
                                ? param.nullable
                                  ? null
                                  : Number.NaN
                                : Number(e.target.value),
                            )
                          }
                          className="font-mono"
                          hint={`Default ${
                            typeof param.defaultValue === 'number' ? param.defaultValue : 'off'
                          }${param.nullable ? '; empty switches this limit off' : ''}.`}
                        />
                      );
                    })}
                  </div>
                )}
                {errors.length > 0 && <p className="text-sm text-loss">{errors.join(' ')}</p>}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Save risk policy'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setPolicy(DEFAULT_RISK_POLICY)}>
          Restore defaults
        </Button>
      </div>
    </form>
  );
}
