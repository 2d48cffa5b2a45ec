'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { resetPaperAction } from '@/app/(app)/settings/risk-actions';
import { PAPER_RESET_CONFIRMATION, paperResetSchema } from '@/app/(app)/settings/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { formatMoney } from '@/lib/format';
import { useFormAction } from './use-form-action';

/** Resets the paper account's balance (typed confirmation); order history is kept. */
export function PaperReset({ balance, quote }: { balance: string | null; quote: string }) {
  const router = useRouter();
  const [amount, setAmount] = useState('10000');
  const [confirm, setConfirm] = useState('');
  const form = useFormAction(resetPaperAction, {
    validate: (i) => paperResetSchema.safeParse(i),
    success: (d) => `Paper account reset to ${formatMoney(d.startingBalance)} ${quote}.`,
    onSuccess: () => {
      setConfirm('');
      router.refresh();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.run({ startingBalance: amount, confirm });
      }}
      noValidate
      aria-label="Reset paper account"
      className="space-y-4"
    >
      <p className="text-sm text-slate-300">
        Current paper cash:{' '}
        <span className="font-mono">
          {formatMoney(balance)} {quote}
        </span>
        . A reset cancels open paper orders and leaves only the new balance; close open positions
        first.
      </p>
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label={`New balance (${quote})`}
          name="startingBalance"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={form.fields.startingBalance}
        />
        <TextField
          label={`Type "${PAPER_RESET_CONFIRMATION}" to confirm`}
          name="confirm"
          autoComplete="off"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={form.fields.confirm}
        />
      </div>
      <Button
        type="submit"
        variant="danger"
        disabled={form.pending || confirm !== PAPER_RESET_CONFIRMATION}
      >
        {form.pending ? 'Resetting…' : 'Reset paper account'}
      </Button>
    </form>
  );
}
