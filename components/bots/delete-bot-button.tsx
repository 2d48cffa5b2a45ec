'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteBotAction } from '@/app/(app)/bots/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';

/** Deletes a stopped bot after a typed confirmation (its history goes with it). */
export function DeleteBotButton({
  botId,
  botName,
  disabled,
}: {
  botId: string;
  botName: string;
  disabled: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const remove = () =>
    start(async () => {
      const result = await deleteBotAction(null, { id: botId });
      setOpen(false);
      if (result.ok) {
        toast(`${botName} deleted.`, 'success');
        router.push('/bots');
      } else toast(result.error.message, 'error');
    });
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        disabled={disabled}
        title={disabled ? 'Stop the bot first' : undefined}
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${botName}?`}
        typed="delete"
        confirmLabel="Delete bot"
        pending={pending}
        onConfirm={remove}
        onCancel={() => setOpen(false)}
      >
        Its cycles and log are deleted; its closed trades stay in your history.
      </ConfirmDialog>
    </>
  );
}
