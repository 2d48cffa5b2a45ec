'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { cancelOrderAction } from '@/app/(app)/trade/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';

export function CancelOrderButton({ orderId, label }: { orderId: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const cancel = () =>
    start(async () => {
      const result = await cancelOrderAction(null, { orderId });
      setOpen(false);
      if (result.ok) {
        toast('Order canceled.', 'success');
        router.refresh();
      } else toast(result.error.message, 'error');
    });
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        onClick={() => setOpen(true)}
        aria-label={`Cancel ${label}`}
      >
        Cancel
      </Button>
      <ConfirmDialog
        open={open}
        title="Cancel this order?"
        confirmLabel="Cancel order"
        pending={pending}
        onConfirm={cancel}
        onCancel={() => setOpen(false)}
      >
        {label}
      </ConfirmDialog>
    </>
  );
}
