'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/action';
import { toast } from '@/components/ui/toast';
import { fieldErrors } from '@/lib/errors/zod-fields';

type Issues = Parameters<typeof fieldErrors>[0];

/**
 * Runs a server action from a form: client-side zod check first (same schema as the server),
 * then the action; keeps field errors and a form error, toasts the outcome.
 */
export function useFormAction<I, T>(
  action: (previous: unknown, input: I) => Promise<ActionResult<T>>,
  options: {
    validate?: (input: I) => { success: true } | { success: false; error: { issues: Issues } };
    success?: string | ((data: T) => string);
    onSuccess?: (data: T) => void;
  } = {},
) {
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (input: I) => {
    const check = options.validate?.(input);
    if (check && !check.success) {
      setFields(fieldErrors(check.error.issues));
      setError('Fix the highlighted fields.');
      return;
    }
    setFields({});
    setError(null);
    start(async () => {
      const result = await action(null, input);
      if (result.ok) {
        if (options.success)
          toast(
            typeof options.success === 'string' ? options.success : options.success(result.data),
            'success',
          );
        options.onSuccess?.(result.data);
      } else {
        setFields(result.error.fields ?? {});
        setError(result.error.message);
      }
    });
  };
  return { run, fields, error, pending };
}
