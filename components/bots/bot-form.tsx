'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { createBotAction, editBotAction } from '@/app/(app)/bots/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import { toast } from '@/components/ui/toast';
import type { AiStrategyOption } from '@/lib/ai-runtime/ai-bot-strategy';
import type { StrategySummary } from '@/lib/core/strategy';
import { fieldErrors } from '@/lib/errors/zod-fields';
import { botInputSchema } from '@/lib/trading/bot-input';
import { AiStrategyPicker, type AiSettingsSummary } from './ai-strategy-picker';
import { BotSizeFields } from './bot-size-fields';
import { StrategyParams } from './strategy-params';
import { SymbolField } from './symbol-field';

export interface BotFormValues {
  id?: string;
  name: string;
  exchangeAccountId: string;
  symbol: string;
  timeframe: string;
  intervalSeconds: string;
  strategyKind: 'rule' | 'ai';
  strategyId: string;
  /** AI: a pinned version id, or '' for the latest. */
  strategyVersionId: string;
  strategyParams: Record<string, string>;
  tradeAmount: string;
  sizingMode: string;
  stopLossPct: string;
  takeProfitPct: string;
  maxHoldMinutes: string;
  status?: 'stopped' | 'running' | 'paused';
}

const TIMEFRAMES = ['1m', '5m', '15m', '30m', '1h', '4h', '1d'];
const INTERVALS = [
  { value: '60', label: 'Every minute' },
  { value: '120', label: 'Every 2 minutes' },
  { value: '300', label: 'Every 5 minutes' },
  { value: '900', label: 'Every 15 minutes' },
  { value: '1800', label: 'Every 30 minutes' },
  { value: '3600', label: 'Every hour' },
];

const paramDefaults = (s: StrategySummary | undefined) =>
  Object.fromEntries((s?.params ?? []).map((p) => [p.key, String(p.default)]));
const optionalNumber = (v: string) => (v.trim() === '' ? null : Number(v));

/** Create or edit a bot: the same zod schema as the API validates as you submit. */
export function BotForm({
  strategies,
  aiStrategies = [],
  ai = { provider: 'rules', hasApiKey: false, baseUrl: null },
  accounts,
  initial,
  timeframes = TIMEFRAMES,
}: {
  strategies: readonly StrategySummary[];
  /** The user's AI strategies with their active versions. */
  aiStrategies?: readonly AiStrategyOption[];
  ai?: AiSettingsSummary;
  accounts: readonly { id: string; label: string }[];
  initial?: BotFormValues;
  timeframes?: readonly string[];
}) {
  const router = useRouter();
  const editing = Boolean(initial?.id);
  const [v, setV] = useState<BotFormValues>(
    initial ?? {
      name: '',
      exchangeAccountId: accounts[0]?.id ?? '',
      symbol: 'BTC/USDT',
      timeframe: '1m',
      intervalSeconds: '60',
      strategyKind: 'rule',
      strategyId: strategies[0]?.id ?? '',
      strategyVersionId: '',
      strategyParams: paramDefaults(strategies[0]),
      tradeAmount: '100',
      sizingMode: 'fixed',
      stopLossPct: '2',
      takeProfitPct: '4',
      maxHoldMinutes: '30',
    },
  );
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const strategy =
    v.strategyKind === 'rule' ? strategies.find((s) => s.id === v.strategyId) : undefined;
  const chooseKind = (kind: 'rule' | 'ai') => {
    const first =
      kind === 'rule'
        ? strategies[0]?.id
        : (aiStrategies.find((s) => s.isDefault) ?? aiStrategies[0])?.id;
    setErrors({});
    setV((prev) => ({
      ...prev,
      strategyKind: kind,
      strategyId: first ?? '',
      strategyVersionId: '',
      strategyParams: kind === 'rule' ? paramDefaults(strategies[0]) : {},
    }));
  };
  const set = <K extends keyof BotFormValues>(key: K, value: BotFormValues[K]) => {
    setV((prev) => ({ ...prev, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const locked = editing && initial?.status !== 'stopped';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: v.name,
      exchangeAccountId: v.exchangeAccountId || undefined,
      symbol: v.symbol,
      timeframe: v.timeframe,
      intervalSeconds: Number(v.intervalSeconds),
      strategyKind: v.strategyKind,
      strategyId: v.strategyId,
      ...(v.strategyKind === 'ai' ? { strategyVersionId: v.strategyVersionId || null } : {}),
      strategyParams:
        v.strategyKind === 'rule'
          ? Object.fromEntries(Object.entries(v.strategyParams).map(([k, x]) => [k, Number(x)]))
          : {},
      tradeAmount: v.tradeAmount,
      sizingMode: v.sizingMode,
      stopLossPct: optionalNumber(v.stopLossPct),
      takeProfitPct: optionalNumber(v.takeProfitPct),
      maxHoldMinutes: optionalNumber(v.maxHoldMinutes),
    };
    const parsed = botInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      setFormError('Fix the highlighted fields.');
      return;
    }
    setErrors({});
    setFormError(null);
    start(async () => {
      let result;
      if (editing && initial?.id) {
        const { symbol, strategyId, strategyKind, strategyVersionId, exchangeAccountId, ...rest } =
          input;
        const strategyChanged =
          strategyId !== initial.strategyId ||
          strategyKind !== initial.strategyKind ||
          v.strategyVersionId !== initial.strategyVersionId;
        result = await editBotAction(null, {
          id: initial.id,
          ...rest,
          ...(symbol !== initial.symbol ? { symbol } : {}),
          ...(strategyChanged ? { strategyId, strategyKind, strategyVersionId } : {}),
          ...(exchangeAccountId && exchangeAccountId !== initial.exchangeAccountId
            ? { exchangeAccountId }
            : {}),
        });
      } else result = await createBotAction(null, input);
      if (result.ok) {
        toast(editing ? 'Bot saved.' : 'Bot created. Start it when you are ready.', 'success');
        router.push(`/bots/${result.data.id}`);
        router.refresh();
      } else {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-8">
      {formError && <Alert tone="error">{formError}</Alert>}
      <section className="space-y-4">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-400">Market</h2>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
          <TextField
            label="Name"
            name="name"
            value={v.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            placeholder="BTC trend follower"
          />
          <Select
            label="Exchange account"
            name="exchangeAccountId"
            value={v.exchangeAccountId}
            onChange={(e) => set('exchangeAccountId', e.target.value)}
            options={accounts.map((a) => ({ value: a.id, label: a.label }))}
            error={errors.exchangeAccountId}
            disabled={locked}
          />
          <SymbolField
            value={v.symbol}
            onChange={(s) => set('symbol', s)}
            accountId={v.exchangeAccountId || undefined}
            error={errors.symbol}
          />
          <Select
            label="Timeframe"
            name="timeframe"
            value={v.timeframe}
            onChange={(e) => set('timeframe', e.target.value)}
            options={timeframes.map((t) => ({ value: t, label: t }))}
            error={errors.timeframe}
            hint="Candle size the strategy reads."
          />
          <Select
            label="Cycle interval"
            name="intervalSeconds"
            value={v.intervalSeconds}
            onChange={(e) => set('intervalSeconds', e.target.value)}
            options={INTERVALS}
            error={errors.intervalSeconds}
            hint="How often the bot analyses the market."
          />
        </div>
        {locked && (
          <p className="text-xs text-amber-300">
            Stop the bot to change its account, symbol or strategy.
          </p>
        )}
      </section>

      <section className="space-y-4">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-400">Strategy</h2>
        <Select
          label="Strategy type"
          name="strategyKind"
          value={v.strategyKind}
          disabled={locked}
          onChange={(e) => chooseKind(e.target.value === 'ai' ? 'ai' : 'rule')}
          options={[
            { value: 'rule', label: 'Rule strategy (indicators, free)' },
            { value: 'ai', label: 'AI strategy (your prompt, a model decides)' },
          ]}
          error={errors.strategyKind}
        />
        {v.strategyKind === 'ai' && (
          <AiStrategyPicker
            strategies={aiStrategies}
            ai={ai}
            strategyId={v.strategyId}
            versionId={v.strategyVersionId}
            errors={errors}
            disabled={locked}
            onChange={(strategyId, strategyVersionId) => {
              setErrors({});
              setV((prev) => ({ ...prev, strategyId, strategyVersionId }));
            }}
          />
        )}
        {v.strategyKind === 'rule' && (
          <Select
            label="Strategy"
            name="strategyId"
            value={v.strategyId}
            disabled={locked}
            onChange={(e) => {
              const next = strategies.find((s) => s.id === e.target.value);
              setV((prev) => ({
                ...prev,
                strategyId: e.target.value,
                strategyParams: paramDefaults(next),
              }));
            }}
            options={strategies.map((s) => ({ value: s.id, label: s.name }))}
            error={errors.strategyId}
            hint={
              strategy
                ? `${strategy.description} Needs ${strategy.warmup} candles of history.`
                : undefined
            }
          />
        )}
        {strategy && (
          <StrategyParams
            strategy={strategy}
            values={v.strategyParams}
            errors={errors}
            onChange={(key, value) => set('strategyParams', { ...v.strategyParams, [key]: value })}
          />
        )}
      </section>

      <BotSizeFields values={v} errors={errors} onChange={set} />

      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save bot' : 'Create bot'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
