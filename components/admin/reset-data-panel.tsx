'use client';

import { useState, useTransition } from 'react';
import { resetTradingDataAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { RESET_CONFIRMATION } from '@/lib/admin/confirmations';

/** Reset trading data for everyone, after typing the confirmation phrase. */
export function ResetDataPanel() {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const reset = () =>
    startTransition(async () => {
      const result = await resetTradingDataAction(null, { confirmation: RESET_CONFIRMATION });
      setOpen(false);
      if (!result.ok) return toast(result.error.message, 'error');
      const rows = Object.values(result.data.deleted).reduce((a, b) => a + b, 0);
      toast(
        `Trading data reset: ${result.data.stoppedBots} bots stopped, ${rows} rows deleted, ${result.data.paperAccountsReset} paper accounts back to their starting balance.`,
        'success',
      );
    });
  return (
    <div className="flex flex-wrap items-center justify-between gap-4">
      <div>
        <p className="font-medium text-slate-100">Reset trading data</p>
        <p className="text-sm text-slate-400">
          Stops every bot and deletes all signals, orders, positions, cycles, equity history and AI
          decisions; paper accounts return to their starting balance. Users, accounts, bots and
          strategies stay.
        </p>
      </div>
      <Button type="button" variant="danger" onClick={() => setOpen(true)}>
        Reset trading data
      </Button>
      {open && (
        <ConfirmDialog
          open
          title="Reset all trading data?"
          confirmLabel="Reset everything"
          typed={RESET_CONFIRMATION}
          pending={pending}
          onConfirm={reset}
          onCancel={() => setOpen(false)}
        >
          This cannot be undone. Export first if you may need the history. Positions on live
          exchanges are not closed.
        </ConfirmDialog>
      )}
    </div>
  );
}
