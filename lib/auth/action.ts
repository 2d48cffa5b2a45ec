import type { z } from 'zod';
import type { User, UserRole } from '../db/schema';
import { toErrorBody, type ErrorBody } from '../errors/app-error';
import { parseOrThrow } from '../errors/zod-fields';
import { requireUser } from './current-user';

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: ErrorBody };

function formToObject(input: unknown): unknown {
  return input instanceof FormData ? Object.fromEntries(input.entries()) : input;
}

/**
 * A server action taking form data or a plain object: authorizes against the user's current
 * row, parses the input with `schema`, runs `fn`, and returns a result (never throws to the
 * client). Usable with `useActionState` (`(previous, formData)`) or called directly.
 */
export function userAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>, user: User) => Promise<T>,
  options: { role?: UserRole } = {},
) {
  return async (_previous: unknown, input: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await requireUser(options.role);
      return { ok: true, data: await fn(parseOrThrow(schema, formToObject(input)), user) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  };
}

/** The same for the few actions that run before anyone is signed in (setup, registration). */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.infer<S>) => Promise<T>,
) {
  return async (_previous: unknown, input: unknown): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await fn(parseOrThrow(schema, formToObject(input))) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error) };
    }
  };
}
