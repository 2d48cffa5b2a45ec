'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/text-field';
import { formField } from './form-field';

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // onSubmit rather than a form action: React resets a form after its action, and a trader
  // who mistyped one field should not have to retype the others.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setError(null);
      const result = await signIn('credentials', {
        email: formField(formData, 'email'),
        password: formField(formData, 'password'),
        redirect: false,
      });
      if (!result || result.error) return setError(result?.error ?? 'Sign-in failed. Try again.');
      const next = params.get('callbackUrl');
      router.replace(next?.startsWith('/') && !next.startsWith('//') ? next : '/dashboard');
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
