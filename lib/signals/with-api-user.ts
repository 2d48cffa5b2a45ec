import { errorResponse } from '../auth/route';
import { requireUser } from '../auth/current-user';
import { getDb } from '../db';
import type { AccessTokenScope, User } from '../db/schema';
import { userFromAccessToken } from './access-tokens';

type Handler<C> = (request: Request, context: C, user: User) => Promise<Response>;

/**
 * Like `withUser`, but a personal access token (`Authorization: Bearer osp_…`) with `scope`
 * authorizes too; without one the browser session is required. Errors map to `{ error }`.
 */
export function withApiUser<C = unknown>(scope: AccessTokenScope, handler: Handler<C>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const user =
        (await userFromAccessToken(
          getDb(),
          request.headers.get('authorization'),
          scope,
          new Date(),
        )) ?? (await requireUser());
      return await handler(request, context, user);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
