'use client';

import { Select } from '@/components/ui/select';
import { TextField } from '@/components/ui/text-field';
import type { BotFormValues } from './bot-form';

const SIZING = [
  { value: 'fixed', label: 'Fixed amount' },
  { value: 'risk', label: 'Risk % of balance' },
  { value: 'compounding', label: 'Compounding (amount + realised P&L)' },
];

type SizeKey = 'tradeAmount' | 'sizingMode' | 'stopLossPct' | 'takeProfitPct' | 'maxHoldMinutes';

/** The bot form's size and exit fields. */
export function BotSizeFields({
  values: v,
  errors,
  onChange: set,
}: {
  values: Pick<BotFormValues, SizeKey>;
  errors: Record<string, string[]>;
  onChange: (key: SizeKey, value: string) => void;
}) {
  return (
    <section className="space-y-4">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-400">
        Size and exits
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Trade amount (quote)"
          name="tradeAmount"
          inputMode="decimal"
          value={v.tradeAmount}
          onChange={(e) => set('tradeAmount', e.target.value)}
          error={errors.tradeAmount}
        />
        <Select
          label="Sizing"
          name="sizingMode"
          value={v.sizingMode}
          onChange={(e) => set('sizingMode', e.target.value)}
          options={SIZING}
          error={errors.sizingMode}
        />
        <TextField
          label="Max hold (minutes, empty = off)"
          name="maxHoldMinutes"
          inputMode="numeric"
          value={v.maxHoldMinutes}
          onChange={(e) => set('maxHoldMinutes', e.target.value)}
          error={errors.maxHoldMinutes}
        />
        <TextField
          label="Stop-loss % (when the strategy gives none)"
          name="stopLossPct"
          inputMode="decimal"
          value={v.stopLossPct}
          onChange={(e) => set('stopLossPct', e.target.value)}
          error={errors.stopLossPct}
        />
        <TextField
          label="Take-profit % (when the strategy gives none)"
          name="takeProfitPct"
          inputMode="decimal"
          value={v.takeProfitPct}
          onChange={(e) => set('takeProfitPct', e.target.value)}
          error={errors.takeProfitPct}
        />
      </div>
    </section>
  );
}
