import type { User, UserRole } from '../db/schema';
import { toErrorBody, errorCodes } from '../errors/app-error';
import { requireUser } from './current-user';

type Handler<C> = (request: Request, context: C, user: User) => Promise<Response>;

/**
 * Wraps a route handler: authorizes against the user's current row (401 / 403), runs it, and
 * maps thrown AppErrors to their status and a JSON `{ error }` body.
 */
export function withUser<C = unknown>(handler: Handler<C>, options: { role?: UserRole } = {}) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const user = await requireUser(options.role);
      return await handler(request, context, user);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  const body = toErrorBody(error);
  return Response.json({ error: body }, { status: errorCodes[body.code].status });
}
