import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bots } from './bots';
import { users } from './users';
import { time } from './columns';

/**
 * Webhook tokens (TradingView and other senders). Only the SHA-256 of the random token is kept;
 * the token itself is shown once. A token may be bound to one bot, may require an HMAC signature
 * (keyed with the token itself) and may accept only some source addresses.
 */
export const webhookTokens = pgTable(
  'webhook_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, so the user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    botId: uuid('bot_id').references(() => bots.id, { onDelete: 'set null' }),
    requireSignature: boolean('require_signature').notNull().default(false),
    /** Source addresses allowed to use this token; empty = any. */
    allowedIps: text('allowed_ips').array().notNull().default([]),
    createdAt: time('created_at').notNull().defaultNow(),
    lastUsedAt: time('last_used_at'),
    revokedAt: time('revoked_at'),
  },
  (t) => [
    uniqueIndex('webhook_tokens_hash_idx').on(t.tokenHash),
    index('webhook_tokens_user_idx').on(t.userId),
  ],
);

export const accessTokenScope = ['read', 'trade'] as const;
export type AccessTokenScope = (typeof accessTokenScope)[number];

/** Personal access tokens for the REST API (scoped read / trade), stored hashed, revocable. */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes', { enum: accessTokenScope }).array().notNull(),
    createdAt: time('created_at').notNull().defaultNow(),
    lastUsedAt: time('last_used_at'),
    expiresAt: time('expires_at'),
    revokedAt: time('revoked_at'),
  },
  (t) => [
    uniqueIndex('access_tokens_hash_idx').on(t.tokenHash),
    index('access_tokens_user_idx').on(t.userId),
  ],
);

export type WebhookToken = typeof webhookTokens.$inferSelect;
export type NewWebhookToken = typeof webhookTokens.$inferInsert;
export type AccessToken = typeof accessTokens.$inferSelect;
export type NewAccessToken = typeof accessTokens.$inferInsert;
