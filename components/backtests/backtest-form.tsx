'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { backtestRunSchema } from '@/lib/backtests/backtest-input';
import type { StrategySummary } from '@/lib/core/strategy';
import { fieldErrors } from '@/lib/errors/zod-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { SweepFields } from './sweep-fields';
import { withSweep } from './sweep-request';
import { AiBacktestFields } from './ai-backtest-fields';
import { withAi, type AiStrategyOption } from './ai-request';

const TIMEFRAMES = ['1m', '5m', '15m', '30m', '1h', '4h', '12h', '1d'];
type Fields = Record<string, string[]>;

/** A text field's value ('' when missing or a file). */
const text = (form: FormData, key: string, fallback = ''): string => {
  const value = form.get(key);
  return typeof value === 'string' ? value : fallback;
};

const num = (form: FormData, key: string) => {
  const raw = text(form, key).trim();
  return raw === '' ? undefined : Number(raw);
};

/** What the form sends: the same shape `POST /api/backtests/run` parses. */
function requestFrom(form: FormData, strategy: StrategySummary) {
  const params: Record<string, number> = {};
  for (const p of strategy.params) {
    const value = num(form, `param.${p.key}`);
    if (value !== undefined) params[p.key] = value;
  }
  const pct = (key: string) => {
    const v = num(form, key);
    return v === undefined ? undefined : v / 100;
  };
  return {
    name: text(form, 'name') || undefined,
    strategyId: strategy.id,
    params,
    symbol: text(form, 'symbol'),
    timeframe: text(form, 'timeframe'),
    source: text(form, 'source', 'simulated'),
    from: text(form, 'from'),
    to: text(form, 'to'),
    options: {
      startingBalance: num(form, 'startingBalance'),
      feeRate: pct('feeRatePct'),
      slippageBps: num(form, 'slippageBps'),
      fillTiming: text(form, 'fillTiming', 'next-open'),
      sizing: { kind: 'fraction', fraction: pct('fractionPct') },
      defaultStopLossPct: num(form, 'defaultStopLossPct') ?? null,
      defaultTakeProfitPct: num(form, 'defaultTakeProfitPct') ?? null,
    },
  };
}

/** Field errors keyed like the form's inputs (the server's keys, mapped to our names). */
function toFormFields(fields: Fields): Fields {
  const rename: Record<string, string> = {
    'options.feeRate': 'feeRatePct',
    'options.sizing.fraction': 'fractionPct',
  };
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [
      rename[k] ?? k.replace(/^options\./, '').replace(/^params\./, 'param.'),
      v,
    ]),
  );
}

/**
 * The backtest form: a built-in strategy and its parameters, the market, the range and the
 * engine options. Checked in the browser with the server's own schema, then queued with
 * `POST /api/backtests/run`; the server's field errors show inline the same way.
 */
export function BacktestForm({
  strategies,
  symbols,
  defaultRange,
  aiStrategies = [],
  initial = {},
}: {
  strategies: StrategySummary[];
  symbols: readonly string[];
  defaultRange: { from: string; to: string };
  /** The user's AI strategy versions (`ai:<versionId>`), newest first. */
  aiStrategies?: AiStrategyOption[];
  /** Preselected from the URL (`?strategy=…&params=…`, `?version=…`). */
  initial?: { strategyId?: string; params?: Record<string, unknown> };
}) {
  const router = useRouter();
  const [strategyId, setStrategyId] = useState(initial.strategyId ?? strategies[0]?.id ?? '');
  const ai = aiStrategies.find((s) => s.id === strategyId);
  const [errors, setErrors] = useState<Fields>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const strategy = strategies.find((s) => s.id === strategyId) ?? strategies[0]!;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = ai
      ? withAi(requestFrom(form, strategy), form, ai)
      : withSweep(requestFrom(form, strategy), form, strategy);
    const checked = backtestRunSchema.safeParse(body);
    if (!checked.success) {
      setErrors(toFormFields(fieldErrors(checked.error.issues)));
      setMessage('Check the highlighted fields.');
      return;
    }
    setPending(true);
    setErrors({});
    setMessage(null);
    try {
      const response = await fetch('/api/backtests/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as {
        backtest?: { id: string };
        error?: { message: string; fields?: Fields };
      };
      if (!response.ok || !json.backtest) {
        setErrors(toFormFields(json.error?.fields ?? {}));
        setMessage(json.error?.message ?? 'The backtest could not be queued.');
        return;
      }
      router.push(`/backtests/${json.backtest.id}`);
    } catch {
      setMessage('Could not reach the server. Try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="New backtest"
      className="space-y-5"
    >
      {message && <Alert tone="error">{message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Select
          label="Strategy"
          name="strategyId"
          value={strategyId}
          onChange={(e) => setStrategyId(e.target.value)}
          options={[
            ...strategies.map((s) => ({ value: s.id, label: s.name })),
            ...aiStrategies.map((s) => ({ value: s.id, label: `AI · ${s.label}` })),
          ]}
          error={errors.strategyId}
        />
        <Select
          label="Symbol"
          name="symbol"
          defaultValue={symbols[0]}
          options={symbols.map((s) => ({ value: s, label: s }))}
          error={errors.symbol}
        />
        <Select
          label="Timeframe"
          name="timeframe"
          defaultValue="1h"
          options={TIMEFRAMES.map((t) => ({ value: t, label: t }))}
          error={errors.timeframe}
        />
        <Select
          label="Candles"
          name="source"
          defaultValue="simulated"
          options={[
            { value: 'simulated', label: 'Simulated market' },
            { value: 'stored', label: 'Stored (CSV import / cache)' },
            { value: 'exchange', label: 'Exchange history (cached)' },
          ]}
          error={errors.source}
        />
        <TextField
          label="From"
          name="from"
          type="date"
          defaultValue={defaultRange.from}
          error={errors.from}
          required
        />
        <TextField
          label="To"
          name="to"
          type="date"
          defaultValue={defaultRange.to}
          error={errors.to}
          required
        />
        <TextField
          label="Name (optional)"
          name="name"
          placeholder="Generated from the settings"
          error={errors.name}
        />
      </div>
      {ai ? (
        <AiBacktestFields
          key={ai.id}
          option={ai}
          errors={errors}
          requestBody={(element) => {
            const form = new FormData(element);
            return withAi(requestFrom(form, strategy), form, ai);
          }}
        />
      ) : (
        <>
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold text-slate-200">
              Parameters · {strategy.name}
            </legend>
            <p className="text-xs text-slate-400">{strategy.description}</p>
            <div key={strategy.id} className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
              {strategy.params.map((p) => (
                <TextField
                  key={p.key}
                  label={p.label}
                  name={`param.${p.key}`}
                  type="number"
                  inputMode="decimal"
                  step={p.step ?? 'any'}
                  min={p.min}
                  max={p.max}
                  defaultValue={
                    strategy.id === initial.strategyId &&
                    typeof initial.params?.[p.key] === 'number'
                      ? (initial.params[p.key] as number)
                      : typeof p.default === 'number'
                        ? p.default
                        : ''
                  }
                  title={p.description}
                  error={errors[`param.${p.key}`]}
                />
              ))}
            </div>
          </fieldset>
          <SweepFields key={`sweep-${strategy.id}`} strategy={strategy} errors={errors} />
        </>
      )}
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-200">Options</legend>
        <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-7">
          <TextField
            label="Starting balance"
            name="startingBalance"
            type="number"
            defaultValue={10000}
            min={1}
            error={errors.startingBalance}
          />
          <TextField
            label="Fee per side %"
            name="feeRatePct"
            type="number"
            step="any"
            defaultValue={0.1}
            min={0}
            error={errors.feeRatePct}
          />
          <TextField
            label="Slippage (bps)"
            name="slippageBps"
            type="number"
            step="any"
            defaultValue={0}
            min={0}
            error={errors.slippageBps}
          />
          <TextField
            label="Position size % of equity"
            name="fractionPct"
            type="number"
            step="any"
            defaultValue={100}
            min={1}
            max={100}
            error={errors.fractionPct}
          />
          <Select
            label="Fill timing"
            name="fillTiming"
            defaultValue="next-open"
            options={[
              { value: 'next-open', label: 'Next bar open' },
              { value: 'same-close', label: 'Same bar close' },
            ]}
            error={errors.fillTiming}
          />
          <TextField
            label="Default stop-loss %"
            name="defaultStopLossPct"
            type="number"
            step="any"
            min={0}
            placeholder="off"
            error={errors.defaultStopLossPct}
          />
          <TextField
            label="Default take-profit %"
            name="defaultTakeProfitPct"
            type="number"
            step="any"
            min={0}
            placeholder="off"
            error={errors.defaultTakeProfitPct}
          />
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Queuing…' : 'Run backtest'}
        </Button>
        <p className="text-xs text-slate-500">
          Runs in the worker; progress shows live below and on the run page.
        </p>
      </div>
    </form>
  );
}
