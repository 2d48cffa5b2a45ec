import type { z } from 'zod';
import { AppError } from './app-error';

/** Parses `input` with `schema` or throws `bad_request` listing every field error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v.join(', ')}`)
    .join('; ');
  throw new AppError('bad_request', `Invalid input (${summary}).`, fields);
}
