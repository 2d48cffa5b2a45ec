import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { users, webhookTokens, type NewWebhookToken, type WebhookToken } from '../schema';

export async function insertWebhookToken(db: Db, token: NewWebhookToken): Promise<WebhookToken> {
  const rows = await db.insert(webhookTokens).values(token).returning();
  return rows[0]!;
}

/** The live (not revoked) token with this hash whose owner is active, or undefined. */
export async function findLiveWebhookToken(
  db: Db,
  tokenHash: string,
): Promise<WebhookToken | undefined> {
  const rows = await db
    .select({ token: webhookTokens })
    .from(webhookTokens)
    .innerJoin(users, eq(users.id, webhookTokens.userId))
    .where(
      and(
        eq(webhookTokens.tokenHash, tokenHash),
        isNull(webhookTokens.revokedAt),
        eq(users.status, 'active'),
      ),
    )
    .limit(1);
  return rows[0]?.token;
}

export async function listWebhookTokens(db: Db, userId: string): Promise<WebhookToken[]> {
  return db
    .select()
    .from(webhookTokens)
    .where(eq(webhookTokens.userId, userId))
    .orderBy(desc(webhookTokens.createdAt));
}

/** The token when it belongs to `userId` (authorization by ownership). */
export async function findUserWebhookToken(
  db: Db,
  params: { userId: string; id: string },
): Promise<WebhookToken | undefined> {
  const rows = await db
    .select()
    .from(webhookTokens)
    .where(and(eq(webhookTokens.id, params.id), eq(webhookTokens.userId, params.userId)))
    .limit(1);
  return rows[0];
}

export async function updateUserWebhookToken(
  db: Db,
  params: { userId: string; id: string },
  patch: Partial<
    Pick<
      NewWebhookToken,
      'label' | 'botId' | 'tokenHash' | 'prefix' | 'revokedAt' | 'requireSignature' | 'allowedIps'
    >
  >,
): Promise<WebhookToken | undefined> {
  const rows = await db
    .update(webhookTokens)
    .set(patch)
    .where(and(eq(webhookTokens.id, params.id), eq(webhookTokens.userId, params.userId)))
    .returning();
  return rows[0];
}

export async function touchWebhookToken(db: Db, id: string, now: Date): Promise<void> {
  await db.update(webhookTokens).set({ lastUsedAt: now }).where(eq(webhookTokens.id, id));
}
