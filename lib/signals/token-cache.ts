import type { Db } from '../db/client';
import { findIntakeToken, type IntakeToken } from '../db/queries/webhook-intake';

/**
 * How long a resolved webhook token (owner, bot, account) is reused by a web process. A token
 * revoked, rotated or edited in this process is forgotten at once; another web process (or an
 * owner disabled by an admin) sees the change within this time.
 */
export const TOKEN_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entries = Map<string, { at: number; token: IntakeToken }>;
// On globalThis: the web server's direct webhook path and the Next.js bundle share one cache, so
// the settings page's revoke (run by Next.js) also clears what the direct path holds.
const store = globalThis as unknown as { ospreyWebhookTokens?: WeakMap<Db, Entries> };

/**
 * `findIntakeToken`, answered from memory for a few seconds per token hash (an alert stream
 * then costs one database round trip per alert: the insert). Unknown tokens are never kept.
 */
export async function cachedIntakeToken(db: Db, hash: string): Promise<IntakeToken | undefined> {
  const caches = (store.ospreyWebhookTokens ??= new WeakMap());
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map() as Entries));
  const now = performance.now();
  const hit = entries.get(hash);
  if (hit && now - hit.at < TOKEN_CACHE_MS) return hit.token;
  const token = await findIntakeToken(db, hash);
  if (!token) {
    entries.delete(hash);
    return undefined;
  }
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(hash, { at: now, token });
  return token;
}

/** Drops every cached token (after a revoke, rotation or edit in this process). */
export function forgetWebhookTokens(): void {
  store.ospreyWebhookTokens = new WeakMap();
}
