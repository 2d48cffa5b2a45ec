import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Zod issues as field errors keyed by dotted path (`_` for the whole input): the shape of
 * `AppError.fields`, so forms show their own checks and the server's the same way.
 */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues)
    (fields[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
  return fields;
}

/** Parses `input` with `schema` or throws `bad_request` listing every field error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error.issues);
  const summary = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v.join(', ')}`)
    .join('; ');
  throw new AppError('bad_request', `Invalid input (${summary}).`, fields);
}
