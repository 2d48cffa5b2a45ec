import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { accessTokens, users, type AccessToken, type NewAccessToken, type User } from '../schema';

export async function insertAccessToken(db: Db, token: NewAccessToken): Promise<AccessToken> {
  const rows = await db.insert(accessTokens).values(token).returning();
  return rows[0]!;
}

/** The live (not revoked) token with this hash and its active owner. Expiry is checked by the caller. */
export async function findLiveAccessToken(
  db: Db,
  tokenHash: string,
): Promise<{ token: AccessToken; user: User } | undefined> {
  const rows = await db
    .select({ token: accessTokens, user: users })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        isNull(accessTokens.revokedAt),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function listAccessTokens(db: Db, userId: string): Promise<AccessToken[]> {
  return db
    .select()
    .from(accessTokens)
    .where(eq(accessTokens.userId, userId))
    .orderBy(desc(accessTokens.createdAt));
}

export async function revokeUserAccessToken(
  db: Db,
  params: { userId: string; id: string },
  now: Date,
): Promise<AccessToken | undefined> {
  const rows = await db
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(and(eq(accessTokens.id, params.id), eq(accessTokens.userId, params.userId)))
    .returning();
  return rows[0];
}

export async function touchAccessToken(db: Db, id: string, now: Date): Promise<void> {
  await db.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, id));
}
