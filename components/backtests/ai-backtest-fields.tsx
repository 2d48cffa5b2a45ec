'use client';

import { useState } from 'react';
import type { AiBacktestEstimate } from '@/lib/backtests/ai-backtest-estimate';
import { formatMoney, formatPrice } from '@/lib/format';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { AiStrategyOption } from './ai-request';

type Fields = Record<string, string[]>;

/** Provider costs are often fractions of a cent: the precision follows the size. */
const usd = (value: string) => `${formatPrice(value)} USD`;

/**
 * The AI part of the backtest form: how often the strategy is asked, the estimate (decision
 * points, already cached, provider calls, cost, the caps) fetched from
 * `POST /api/backtests/estimate` with the form as it is, and the confirmation the server
 * requires before it queues the run.
 */
export function AiBacktestFields({
  option,
  errors,
  requestBody,
}: {
  option: AiStrategyOption;
  errors: Fields;
  /** The form's request as it would be sent. */
  requestBody: (form: HTMLFormElement) => unknown;
}) {
  const [estimate, setEstimate] = useState<AiBacktestEstimate | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onEstimate(form: HTMLFormElement | null) {
    if (!form) return;
    setPending(true);
    setProblem(null);
    try {
      const response = await fetch('/api/backtests/estimate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(requestBody(form)),
      });
      const json = (await response.json()) as {
        estimate?: AiBacktestEstimate;
        error?: { message: string; fields?: Fields };
      };
      if (!response.ok || !json.estimate) {
        const fields = Object.entries(json.error?.fields ?? {})
          .map(([k, v]) => `${k}: ${v.join(' ')}`)
          .join(' ');
        setEstimate(null);
        setProblem(`${json.error?.message ?? 'No estimate.'} ${fields}`.trim());
        return;
      }
      setEstimate(json.estimate);
    } catch {
      setProblem('Could not reach the server. Try again.');
    } finally {
      setPending(false);
    }
  }

  const confirmError = errors['ai.confirmCost'];
  return (
    <fieldset className="space-y-3" aria-label="AI strategy">
      <legend className="text-sm font-semibold text-slate-200">AI strategy · {option.label}</legend>
      <p className="text-xs text-slate-400">
        {option.description} Each decision builds the live prompt from the candles up to that bar
        and the run’s own position and record. A prompt seen before is answered from the decision
        ledger at no cost; only new prompts call the provider, within the per-run caps.
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Ask every N bars"
          name="ai.decisionEveryBars"
          type="number"
          min={1}
          step={1}
          placeholder="about 200 decisions"
          error={errors['ai.decisionEveryBars']}
          onChange={() => setEstimate(null)}
        />
        <div className="flex items-end">
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={(e) => void onEstimate(e.currentTarget.form)}
          >
            {pending ? 'Estimating…' : 'Estimate calls and cost'}
          </Button>
        </div>
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
      {estimate && (
        <div
          className="rounded-md border border-surface-border p-3 text-sm text-slate-300"
          aria-live="polite"
          data-testid="ai-estimate"
        >
          <p>
            {estimate.strategyName} v{estimate.version} · {estimate.provider} {estimate.model} ·
            training cutoff {estimate.trainingCutoff ?? 'unknown'}
          </p>
          <p>
            {estimate.decisionPoints} decisions (every {estimate.decisionEveryBars} bars) ·{' '}
            {estimate.cached} already cached ·{' '}
            <strong>{estimate.providerCalls} provider calls</strong> · about{' '}
            <strong>{usd(estimate.estimatedCostUsd)}</strong> (upper estimate)
          </p>
          <p className="text-xs text-slate-500">
            Caps per run: {estimate.caps.maxCalls} calls,{' '}
            {formatMoney(estimate.caps.maxCostUsd, 'USD')}.
          </p>
          {estimate.overCap && <Alert tone="error">{estimate.overCap}</Alert>}
        </div>
      )}
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm text-slate-200">
          <input
            type="checkbox"
            name="ai.confirmCost"
            className="accent-accent"
            disabled={!estimate || !estimate.withinCaps}
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? 'ai.confirmCost-error' : undefined}
          />
          {estimate
            ? `I accept up to ${estimate.providerCalls} provider calls, about ${usd(estimate.estimatedCostUsd)}.`
            : 'Estimate first, then confirm the calls and cost.'}
        </label>
        {confirmError && (
          <p id="ai.confirmCost-error" className="text-sm text-loss">
            {confirmError.join(' ')}
          </p>
        )}
      </div>
    </fieldset>
  );
}
