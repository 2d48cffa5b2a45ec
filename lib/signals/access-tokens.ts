import { z } from 'zod';
import {
  findLiveAccessToken,
  insertAccessToken,
  listAccessTokens,
  revokeUserAccessToken,
  touchAccessToken,
} from '../db/queries/access-tokens';
import type { Db } from '../db/client';
import { accessTokenScope, type AccessToken, type AccessTokenScope, type User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { ACCESS_TOKEN_PREFIX, hashToken, newToken, sameDigest } from './token-secret';

export const accessTokenInput = z.object({
  label: z.string().trim().min(1, 'Give the token a name').max(60),
  /** An array, or (from a form) one scope or a comma-separated list. */
  scopes: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(z.enum(accessTokenScope)).min(1, 'Choose at least one scope'),
  ),
  expiresInDays: z.coerce.number().int().min(1).max(3650).nullish(),
});

export interface AccessTokenView {
  id: string;
  label: string;
  prefix: string;
  scopes: AccessTokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export function accessTokenView(t: AccessToken): AccessTokenView {
  return {
    id: t.id,
    label: t.label,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a personal access token; the secret is returned once and only its hash is kept. */
export async function createAccessToken(
  db: Db,
  userId: string,
  input: z.infer<typeof accessTokenInput>,
  now: Date,
) {
  const secret = newToken(ACCESS_TOKEN_PREFIX);
  const row = await insertAccessToken(db, {
    userId,
    label: input.label,
    tokenHash: secret.hash,
    prefix: secret.displayPrefix,
    scopes: [...new Set(input.scopes)],
    expiresAt: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
      : null,
  });
  return { token: secret.token, view: accessTokenView(row) };
}

export async function revokeAccessToken(
  db: Db,
  userId: string,
  id: string,
  now: Date,
): Promise<AccessTokenView> {
  const row = await revokeUserAccessToken(db, { userId, id }, now);
  if (!row) throw new AppError('not_found', 'Token not found.');
  return accessTokenView(row);
}

export async function userAccessTokens(db: Db, userId: string): Promise<AccessTokenView[]> {
  return (await listAccessTokens(db, userId)).map(accessTokenView);
}

/**
 * The user behind `Authorization: Bearer osp_…` when the token is live and has `scope`; throws
 * 401 (unknown, revoked, expired) or 403 (scope missing). Null when no access token was sent.
 */
export async function userFromAccessToken(
  db: Db,
  authorization: string | null,
  scope: AccessTokenScope,
  now: Date,
): Promise<User | null> {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!presented?.startsWith(ACCESS_TOKEN_PREFIX)) return null;
  const hash = hashToken(presented);
  const found = await findLiveAccessToken(db, hash);
  if (
    !found ||
    !sameDigest(found.token.tokenHash, hash) ||
    (found.token.expiresAt && found.token.expiresAt <= now)
  ) {
    throw new AppError('unauthenticated', 'Invalid, revoked or expired access token.');
  }
  if (!found.token.scopes.includes(scope))
    throw new AppError('forbidden', `This access token lacks the "${scope}" scope.`);
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000)
    await touchAccessToken(db, found.token.id, now);
  return found.user;
}
