'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/auth/action';
import {
  accessTokenInput,
  createAccessToken,
  revokeAccessToken,
  userAccessTokens,
} from '@/lib/signals/access-tokens';
import {
  createWebhookToken,
  revokeWebhookToken,
  rotateWebhookToken,
  updateWebhookToken,
  userWebhookTokens,
  webhookSecretView,
  webhookTokenInput,
} from '@/lib/signals/webhook-tokens';
import { getTrading } from '@/lib/trading/runtime';

const idInput = z.object({ tokenId: z.uuid('Unknown token.') });
const db = () => getTrading().deps.db;

/** This app's origin as the browser reached it (for the webhook URL shown with a new token). */
async function origin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto =
    h.get('x-forwarded-proto') ??
    (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

export const listWebhookTokensAction = userAction(z.object({}), async (_input, user) =>
  userWebhookTokens(db(), user.id),
);

/** A new webhook token: the secret, URL, TradingView message template and help are returned once. */
export const createWebhookTokenAction = userAction(webhookTokenInput, async (input, user) => {
  const { token, view } = await createWebhookToken(db(), user.id, input);
  revalidatePath('/settings');
  return { ...webhookSecretView(token, await origin()), tokenInfo: view };
});

/** A new secret for a token (label, bot and settings kept); the old URL stops working at once. */
export const rotateWebhookTokenAction = userAction(idInput, async ({ tokenId }, user) => {
  const { token, view } = await rotateWebhookToken(db(), user.id, tokenId);
  revalidatePath('/settings');
  return { ...webhookSecretView(token, await origin()), tokenInfo: view };
});

export const revokeWebhookTokenAction = userAction(idInput, async ({ tokenId }, user) => {
  const view = await revokeWebhookToken(db(), user.id, tokenId, getTrading().deps.now());
  revalidatePath('/settings');
  return view;
});

export const updateWebhookTokenAction = userAction(
  webhookTokenInput.partial().extend(idInput.shape),
  async ({ tokenId, ...patch }, user) => {
    const view = await updateWebhookToken(db(), user.id, tokenId, patch);
    revalidatePath('/settings');
    return view;
  },
);

export const listAccessTokensAction = userAction(z.object({}), async (_input, user) =>
  userAccessTokens(db(), user.id),
);

/** A new personal access token (scopes read / trade); the secret is returned once. */
export const createAccessTokenAction = userAction(accessTokenInput, async (input, user) => {
  const created = await createAccessToken(db(), user.id, input, getTrading().deps.now());
  revalidatePath('/settings');
  return created;
});

export const revokeAccessTokenAction = userAction(idInput, async ({ tokenId }, user) => {
  const view = await revokeAccessToken(db(), user.id, tokenId, getTrading().deps.now());
  revalidatePath('/settings');
  return view;
});
