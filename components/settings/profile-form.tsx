'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { changePasswordAction, updateProfileAction } from '@/app/(app)/settings/profile-actions';
import { passwordChangeSchema, profileSchema } from '@/app/(app)/settings/schemas';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction } from './use-form-action';

export function ProfileForm({ name, email }: { name: string; email: string }) {
  const router = useRouter();
  const [value, setValue] = useState(name);
  const form = useFormAction(updateProfileAction, {
    validate: (i) => profileSchema.safeParse(i),
    success: 'Profile saved.',
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.run({ name: value });
      }}
      noValidate
      className="space-y-4"
      aria-label="Profile"
    >
      {form.error && <Alert tone="error">{form.error}</Alert>}
      <TextField
        label="Name"
        name="profile-name"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={form.fields.name}
        autoComplete="name"
      />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-300">Email</p>
        <p className="text-sm text-slate-400">{email}</p>
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? 'Saving…' : 'Save profile'}
      </Button>
    </form>
  );
}

export function PasswordForm() {
  const empty = { currentPassword: '', newPassword: '', confirmPassword: '' };
  const [v, setV] = useState(empty);
  const form = useFormAction(changePasswordAction, {
    validate: (i) => passwordChangeSchema.safeParse(i),
    success: 'Password changed.',
    onSuccess: () => setV(empty),
  });
  const field = (key: keyof typeof empty, label: string, autoComplete: string) => (
    <TextField
      label={label}
      name={key}
      type="password"
      autoComplete={autoComplete}
      value={v[key]}
      onChange={(e) => setV({ ...v, [key]: e.target.value })}
      error={form.fields[key]}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.run(v);
      }}
      noValidate
      className="space-y-4"
      aria-label="Change password"
    >
      {form.error && <Alert tone="error">{form.error}</Alert>}
      {field('currentPassword', 'Current password', 'current-password')}
      {field('newPassword', 'New password (at least 12 characters)', 'new-password')}
      {field('confirmPassword', 'Repeat the new password', 'new-password')}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
