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
  // Every field is wired the same way: its value, change and errors under its key.
  const bind = (key: SizeKey) => ({
    name: key,
    value: v[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
    error: errors[key],
  });
  return (
    <section className="space-y-4">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-400">
        Size and exits
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
        <TextField label="Trade amount (quote)" inputMode="decimal" {...bind('tradeAmount')} />
        <Select label="Sizing" options={SIZING} {...bind('sizingMode')} />
        <TextField
          label="Max hold (minutes, empty = off)"
          inputMode="numeric"
          {...bind('maxHoldMinutes')}
        />
        <TextField
          label="Stop-loss % (when the strategy gives none)"
          inputMode="decimal"
          {...bind('stopLossPct')}
        />
        <TextField
          label="Take-profit % (when the strategy gives none)"
          inputMode="decimal"
          {...bind('takeProfitPct')}
        />
      </div>
    </section>
  );
}
