import { z } from 'zod';
import { findUserBot } from '../db/queries/bots';
import {
  findLiveWebhookToken,
  insertWebhookToken,
  listWebhookTokens,
  updateUserWebhookToken,
} from '../db/queries/webhook-tokens';
import type { Db } from '../db/client';
import type { WebhookToken } from '../db/schema';
import { AppError } from '../errors/app-error';
import { forgetWebhookTokens } from './token-cache';
import { hashToken, newToken, WEBHOOK_TOKEN_PREFIX } from './token-secret';

const ip = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F:.]{2,45}$/, 'must be an IP address');

export const webhookTokenInput = z.object({
  label: z.string().trim().min(1, 'Give the token a name').max(60),
  botId: z
    .uuid()
    .nullish()
    .or(z.literal('').transform(() => null)),
  requireSignature: z
    .union([z.boolean(), z.enum(['on', 'true', 'false']).transform((v) => v !== 'false')])
    .optional(),
  /** Comma- or newline-separated addresses (TradingView's published ones), or empty for any. */
  allowedIps: z
    .union([z.array(ip), z.string().transform((s) => s.split(/[\s,]+/).filter(Boolean))])
    .optional(),
});
export type WebhookTokenInput = z.input<typeof webhookTokenInput>;

/** What the settings page shows of a token (never its hash). */
export interface WebhookTokenView {
  id: string;
  label: string;
  prefix: string;
  botId: string | null;
  requireSignature: boolean;
  allowedIps: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function webhookTokenView(t: WebhookToken): WebhookTokenView {
  return {
    id: t.id,
    label: t.label,
    prefix: t.prefix,
    botId: t.botId,
    requireSignature: t.requireSignature,
    allowedIps: t.allowedIps,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** The URL and instructions shown once with a new token. */
export function webhookSecretView(token: string, baseUrl: string) {
  return {
    token,
    url: `${baseUrl.replace(/\/$/, '')}/api/webhooks/tradingview/${token}`,
    template: TRADINGVIEW_TEMPLATE,
    help: TRADINGVIEW_HELP,
  };
}

export const TRADINGVIEW_TEMPLATE = `{
  "ticker": "{{ticker}}",
  "action": "{{strategy.order.action}}",
  "contracts": "{{strategy.order.contracts}}",
  "price": "{{close}}",
  "time": "{{time}}",
  "alert_id": "{{ticker}}-{{strategy.order.id}}-{{time}}",
  "strategy": "My strategy",
  "timeframe": "{{interval}}"
}`;

export const TRADINGVIEW_HELP =
  "Paste the URL into the alert's Webhook URL field and the template into its Message. The token is shown only now: " +
  'copy it. Optional fields: order_type (market|limit), stop_loss / take_profit (a price or a percent such as "2%"), ' +
  'confidence (0–100), quote_amount (spend this much quote instead of contracts). Replies: 202 queued, 200 duplicate, ' +
  '400 malformed, 401 bad token, 413 too large, 422 unknown symbol or impossible values, 429 too many alerts.';

async function checkBot(db: Db, userId: string, botId: string | null | undefined) {
  if (botId && !(await findUserBot(db, { userId, id: botId })))
    throw new AppError('bad_request', 'That bot does not exist.', { botId: ['Unknown bot'] });
}

export async function createWebhookToken(
  db: Db,
  userId: string,
  input: z.infer<typeof webhookTokenInput>,
) {
  await checkBot(db, userId, input.botId);
  const secret = newToken(WEBHOOK_TOKEN_PREFIX);
  const row = await insertWebhookToken(db, {
    userId,
    label: input.label,
    tokenHash: secret.hash,
    prefix: secret.displayPrefix,
    botId: input.botId ?? null,
    requireSignature: input.requireSignature ?? false,
    allowedIps: input.allowedIps ?? [],
  });
  return { token: secret.token, view: webhookTokenView(row) };
}

/** A new secret for the same token (label, bot and settings kept); the old one stops working now. */
export async function rotateWebhookToken(db: Db, userId: string, id: string) {
  const secret = newToken(WEBHOOK_TOKEN_PREFIX);
  const row = await updateUserWebhookToken(
    db,
    { userId, id },
    { tokenHash: secret.hash, prefix: secret.displayPrefix, revokedAt: null },
  );
  forgetWebhookTokens();
  if (!row) throw new AppError('not_found', 'Token not found.');
  return { token: secret.token, view: webhookTokenView(row) };
}

export async function revokeWebhookToken(
  db: Db,
  userId: string,
  id: string,
  now: Date,
): Promise<WebhookTokenView> {
  const row = await updateUserWebhookToken(db, { userId, id }, { revokedAt: now });
  forgetWebhookTokens();
  if (!row) throw new AppError('not_found', 'Token not found.');
  return webhookTokenView(row);
}

export async function updateWebhookToken(
  db: Db,
  userId: string,
  id: string,
  input: Partial<z.infer<typeof webhookTokenInput>>,
): Promise<WebhookTokenView> {
  await checkBot(db, userId, input.botId);
  const row = await updateUserWebhookToken(
    db,
    { userId, id },
    {
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.botId !== undefined ? { botId: input.botId } : {}),
      ...(input.requireSignature !== undefined ? { requireSignature: input.requireSignature } : {}),
      ...(input.allowedIps !== undefined ? { allowedIps: input.allowedIps } : {}),
    },
  );
  forgetWebhookTokens();
  if (!row) throw new AppError('not_found', 'Token not found.');
  return webhookTokenView(row);
}

export async function userWebhookTokens(db: Db, userId: string): Promise<WebhookTokenView[]> {
  return (await listWebhookTokens(db, userId)).map(webhookTokenView);
}

/** The owner of a live webhook token sent as `Authorization: Bearer whk_…` (for `GET /api/status`), or null. */
export async function userIdFromWebhookToken(
  db: Db,
  authorization: string | null,
): Promise<string | null> {
  const presented = /^Bearer\s+(whk_\S+)$/i.exec(authorization ?? '')?.[1];
  if (!presented) return null;
  const token = await findLiveWebhookToken(db, hashToken(presented));
  if (!token) throw new AppError('unauthenticated', 'Missing or invalid token.');
  return token.userId;
}
