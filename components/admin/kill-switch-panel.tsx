'use client';

import { useState, useTransition } from 'react';
import { setKillSwitchAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';

export const KILL_SWITCH_CONFIRMATION = 'HALT';

/** The global kill switch: on blocks every new trade for every user (exits still run). */
export function KillSwitchPanel({ on }: { on: boolean }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const apply = () =>
    startTransition(async () => {
      const result = await setKillSwitchAction(null, { on: on ? 'false' : 'true' });
      setOpen(false);
      if (result.ok)
        toast(
          result.data.on
            ? 'Kill switch on: new trades are blocked.'
            : 'Kill switch off: trading allowed.',
          result.data.on ? 'info' : 'success',
        );
      else toast(result.error.message, 'error');
    });
  return (
    <div
      className={`flex flex-wrap items-center justify-between gap-4 rounded-lg border p-4 ${on ? 'border-loss/60 bg-loss/10' : 'border-surface-border bg-surface-raised'}`}
    >
      <div>
        <p className="font-semibold text-slate-100">
          Global kill switch is{' '}
          <span data-testid="kill-switch-state" className={on ? 'text-loss' : 'text-profit'}>
            {on ? 'ON' : 'off'}
          </span>
        </p>
        <p className="text-sm text-slate-400">
          {on
            ? 'No new position can be opened by any bot, signal or order ticket. Exits and protection keep working.'
            : 'When on, no new position can be opened by anyone. Open positions keep their stop-loss and take-profit.'}
        </p>
      </div>
      <Button type="button" variant={on ? 'secondary' : 'danger'} onClick={() => setOpen(true)}>
        {on ? 'Turn kill switch off' : 'Halt all trading'}
      </Button>
      {open && (
        <ConfirmDialog
          open
          title={on ? 'Allow trading again?' : 'Halt all trading?'}
          confirmLabel={on ? 'Turn off' : 'Halt trading'}
          typed={on ? undefined : KILL_SWITCH_CONFIRMATION}
          pending={pending}
          onConfirm={apply}
          onCancel={() => setOpen(false)}
        >
          {on
            ? 'Bots, signals and order tickets may open new positions again.'
            : 'Every user is blocked from opening new positions until you turn it off.'}
        </ConfirmDialog>
      )}
    </div>
  );
}
