'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setKillSwitchAction } from '@/app/(app)/settings/risk-actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';

/** The user's own kill switch: turning it on asks for confirmation; turning it off does not. */
export function KillSwitchToggle({ on }: { on: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const set = (next: boolean) =>
    start(async () => {
      const result = await setKillSwitchAction(null, { on: next });
      setConfirming(false);
      if (result.ok) {
        toast(
          next ? 'Kill switch on: no new positions.' : 'Kill switch off.',
          next ? 'info' : 'success',
        );
        router.refresh();
      } else toast(result.error.message, 'error');
    });
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-300">
        Your kill switch is{' '}
        <strong data-testid="kill-switch-state" className={on ? 'text-loss' : 'text-profit'}>
          {on ? 'on' : 'off'}
        </strong>
        . While on, no new positions open; closing ones still works.
      </p>
      {on ? (
        <Button type="button" variant="secondary" disabled={pending} onClick={() => set(false)}>
          Turn off
        </Button>
      ) : (
        <Button
          type="button"
          variant="danger"
          disabled={pending}
          onClick={() => setConfirming(true)}
        >
          Halt my trading
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title="Halt your trading?"
        confirmLabel="Turn kill switch on"
        pending={pending}
        onConfirm={() => set(true)}
        onCancel={() => setConfirming(false)}
      >
        Bots keep running but no new positions open until you turn it off. Open positions stay
        protected.
      </ConfirmDialog>
    </div>
  );
}
