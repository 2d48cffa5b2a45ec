'use client';

import { useActionState } from 'react';
import { changeUserAction } from '@/app/(app)/admin/actions';
import { Button } from '../ui/button';
import { ResetPasswordButton } from './reset-password-button';

export function UserRowActions({
  user,
}: {
  user: { id: string; role: string; status: string; email: string };
}) {
  const [state, action, pending] = useActionState(changeUserAction, null);
  const confirmDisable = (event: React.FormEvent<HTMLFormElement>) => {
    if (
      user.status === 'active' &&
      !window.confirm(`Disable ${user.email}? They are signed out on their next request.`)
    ) {
      event.preventDefault();
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={action}>
        <input type="hidden" name="userId" value={user.id} />
        <input type="hidden" name="role" value={user.role === 'admin' ? 'trader' : 'admin'} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {user.role === 'admin' ? 'Make trader' : 'Make admin'}
        </Button>
      </form>
      <form action={action} onSubmit={confirmDisable}>
        <input type="hidden" name="userId" value={user.id} />
        <input
          type="hidden"
          name="status"
          value={user.status === 'active' ? 'disabled' : 'active'}
        />
        <Button
          type="submit"
          variant={user.status === 'active' ? 'danger' : 'secondary'}
          disabled={pending}
        >
          {user.status === 'active' ? 'Disable' : 'Enable'}
        </Button>
      </form>
      <ResetPasswordButton user={user} />
      {state && !state.ok && <span className="text-sm text-loss">{state.error.message}</span>}
    </div>
  );
}
