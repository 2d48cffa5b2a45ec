'use client';

import { useState, useTransition } from 'react';
import { resetPasswordAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';

/** Resets a user's password to a random one, shown once in the dialog for the admin to hand over. */
export function ResetPasswordButton({ user }: { user: { id: string; email: string } }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await resetPasswordAction(null, { userId: user.id });
      if (result.ok) setPassword(result.data.password);
      else {
        setOpen(false);
        toast(result.error.message, 'error');
      }
    });
  const close = () => {
    setOpen(false);
    setPassword(null);
  };
  return (
    <>
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Reset password
      </Button>
      {open && password === null && (
        <ConfirmDialog
          open
          title={`Reset the password of ${user.email}?`}
          confirmLabel="Reset password"
          pending={pending}
          onConfirm={confirm}
          onCancel={close}
        >
          A new random password replaces the current one. You will see it once, to pass on to them.
        </ConfirmDialog>
      )}
      {password !== null && (
        <dialog
          open
          aria-labelledby="new-password-title"
          className="fixed inset-0 z-40 m-auto w-full max-w-md rounded-lg border border-surface-border bg-surface-raised p-6 text-slate-200 shadow-2xl"
        >
          <h2 id="new-password-title" className="text-lg font-semibold text-slate-100">
            New password for {user.email}
          </h2>
          <p className="mt-2 text-sm text-slate-400">
            Copy it now: it is not stored in clear and will not be shown again.
          </p>
          <p
            data-testid="new-password"
            className="mt-3 select-all rounded-md border border-surface-border bg-surface px-3 py-2 font-mono text-base text-slate-100"
          >
            {password}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(password).then(
                  () => toast('Password copied', 'success'),
                  () => undefined,
                );
              }}
            >
              Copy
            </Button>
            <Button type="button" onClick={close}>
              Done
            </Button>
          </div>
        </dialog>
      )}
    </>
  );
}
