'use client';

import { useActionState } from 'react';
import { setRegistrationAction } from '@/app/(app)/admin/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

export function RegistrationToggle({ open }: { open: boolean }) {
  const [state, action, pending] = useActionState(setRegistrationAction, null);
  return (
    <form action={action} className="flex items-center gap-4">
      <input type="hidden" name="open" value={open ? 'false' : 'true'} />
      <p className="text-sm text-slate-300">
        Self-registration is{' '}
        <strong data-testid="registration-state">{open ? 'open' : 'closed'}</strong>.
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {open ? 'Close registration' : 'Open registration'}
      </Button>
      {state && !state.ok && <Alert tone="error">{state.error.message}</Alert>}
    </form>
  );
}
