'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

/** Cancel (while queued or running) and delete (with a confirmation) for one run. */
export function RunActions({
  id,
  active,
  afterDelete,
}: {
  id: string;
  active: boolean;
  afterDelete?: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function call(path: string, method: 'POST' | 'DELETE') {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(path, { method });
      if (!response.ok) {
        const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        setError(json.error?.message ?? 'That did not work.');
        return false;
      }
      return true;
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex items-center justify-end gap-2">
      {error && <span className="text-xs text-loss">{error}</span>}
      {active && (
        <Button
          variant="secondary"
          className="px-3 py-1 text-xs"
          disabled={pending}
          onClick={() =>
            void call(`/api/backtests/${id}/cancel`, 'POST').then((ok) => ok && router.refresh())
          }
        >
          Cancel
        </Button>
      )}
      <Button
        variant="secondary"
        className="px-3 py-1 text-xs"
        disabled={pending}
        onClick={() => setConfirming(true)}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Delete this backtest?"
        confirmLabel="Delete"
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          void call(`/api/backtests/${id}`, 'DELETE').then((ok) => {
            setConfirming(false);
            if (!ok) return;
            if (afterDelete) router.push(afterDelete);
            else router.refresh();
          })
        }
      >
        Its trades, curves and metrics are removed for good.
      </ConfirmDialog>
    </div>
  );
}
