'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/action';
import type { ErrorBody } from '@/lib/errors/app-error';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { formField } from './form-field';

/**
 * Name, email and password → a server action that creates the account → signed in → dashboard.
 * Used by first-run setup and by self-registration.
 */
export function AccountForm({
  action,
  submitLabel,
}: {
  action: (previous: unknown, input: FormData) => Promise<ActionResult<{ email: string }>>;
  submitLabel: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, startTransition] = useTransition();

  // onSubmit rather than a form action: React resets a form after its action, and a trader
  // who mistyped one field should not have to retype the others.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setError(null);
      const result = await action(null, formData);
      if (!result.ok) return setError(result.error);
      const signedIn = await signIn('credentials', {
        email: result.data.email,
        password: formField(formData, 'password'),
        redirect: false,
      });
      if (signedIn?.error)
        return setError({ code: 'invalid_credentials', message: signedIn.error });
      router.replace('/dashboard');
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && !error.fields && <Alert tone="error">{error.message}</Alert>}
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        error={error?.fields?.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={error?.fields?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        error={error?.fields?.password}
      />
      <p className="text-xs text-slate-500">At least 12 characters.</p>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Working…' : submitLabel}
      </Button>
    </form>
  );
}
