'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { formatSignedMoney } from '@/lib/format';

/** Closes a position at market after a confirmation (`POST /api/positions/<id>/close`). */
export function ClosePositionButton({
  positionId,
  symbol,
  quantity,
}: {
  positionId: string;
  symbol: string;
  quantity: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const close = () =>
    start(async () => {
      const response = await fetch(`/api/positions/${positionId}/close`, { method: 'POST' });
      const body = (await response.json().catch(() => ({}))) as {
        message?: string;
        status?: string;
        position?: { realizedPnl?: string | null };
      };
      setOpen(false);
      if (response.ok) {
        const pnl = body.position?.realizedPnl;
        toast(
          body.status === 'pending'
            ? `Close order for ${symbol} sent.`
            : `Closed ${symbol}${pnl ? `: ${formatSignedMoney(pnl)}` : ''}.`,
          'success',
        );
        router.refresh();
      } else toast(body.message ?? 'The position could not be closed.', 'error');
    });
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        onClick={() => setOpen(true)}
        aria-label={`Close ${symbol} position`}
      >
        Close
      </Button>
      <ConfirmDialog
        open={open}
        title={`Close ${symbol}?`}
        confirmLabel="Close at market"
        pending={pending}
        onConfirm={close}
        onCancel={() => setOpen(false)}
      >
        Sells {quantity} {symbol.split('/')[0]} at market and cancels its take-profit and stop-loss.
      </ConfirmDialog>
    </>
  );
}
