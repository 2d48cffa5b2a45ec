import { createHash } from 'node:crypto';
import { findExchangeAccountById } from '../db/queries/exchange-accounts';
import { findSignalByDedupeKey } from '../db/queries/signal-log';
import {
  insertIntakeSignal,
  type IntakeSignal,
  type IntakeToken,
} from '../db/queries/webhook-intake';
import { touchWebhookToken } from '../db/queries/webhook-tokens';
import type { TradingDeps } from '../trading/deps';
import type { MarketCache } from './market-cache';
import type { RateLimiter } from './rate-limiter';
import { readAlert, type Alert, type Level } from './read-alert';
import { readBody } from './read-body';
import { resolveAlertSymbol } from './resolve-alert-symbol';
import { cachedIntakeToken } from './token-cache';
import { hashToken, sameDigest, verifySignature } from './token-secret';
import type { WebhookSettings } from './webhook-settings';

export interface WebhookDeps extends Pick<TradingDeps, 'db' | 'exchangeFor' | 'now'> {
  markets: MarketCache;
  limiter: RateLimiter;
  settings: WebhookSettings;
}

export interface WebhookRequest {
  /** The token from the URL path, when the sender used the per-token URL. */
  pathToken?: string;
  authorization?: string | null;
  signature?: string | null;
  /** The client address Osprey's web server determined (trusted-proxy aware). */
  clientIp?: string | null;
  raw: string;
}

export interface WebhookReply {
  status: 200 | 202 | 400 | 401 | 403 | 413 | 422 | 429;
  body: Record<string, unknown>;
}

const fail = (
  status: WebhookReply['status'],
  code: string,
  message: string,
  fields?: Record<string, string[]>,
): WebhookReply => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
});
const UNAUTHENTICATED = fail(401, 'unauthenticated', 'Missing or invalid webhook token.');
const SECRET_KEYS = new Set(['secret', 'token', 'passphrase']);

/**
 * TradingView (and other senders) → a queued signal, answered in milliseconds (DESIGN §9):
 * size, token, rate, source address, signature, then the alert itself; stored once per alert
 * id (or per identical body within the window); executed later by the worker.
 */
export async function receiveWebhook(
  deps: WebhookDeps,
  request: WebhookRequest,
): Promise<WebhookReply> {
  const body = readBody(request.raw);
  if (!body.ok && body.status === 413) return fail(413, 'too_large', body.message);
  const bodySecret = body.ok
    ? Object.entries(body.value).find(([k]) => SECRET_KEYS.has(k.toLowerCase()))?.[1]
    : undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
  const presented =
    request.pathToken || bearer || (typeof bodySecret === 'string' ? bodySecret : undefined);
  if (!presented || presented.length > 200) return UNAUTHENTICATED;
  const hash = hashToken(presented);
  // The token, its live owner, its bot and the account its signals trade on: one round trip,
  // reused for a few seconds per token (revoking in this process forgets it at once).
  const token = await cachedIntakeToken(deps.db, hash);
  if (!token || !sameDigest(token.tokenHash, hash)) return UNAUTHENTICATED;

  const now = deps.now();
  if (!deps.limiter.take(token.id, now.getTime()))
    return fail(429, 'throttled', 'Too many alerts for this token; slow down and retry.');
  if (token.allowedIps.length > 0 && !token.allowedIps.includes(request.clientIp ?? '')) {
    return fail(403, 'forbidden', 'This token does not accept alerts from your address.');
  }
  if (
    request.signature
      ? !verifySignature(presented, request.raw, request.signature)
      : token.requireSignature
  ) {
    return fail(
      401,
      'unauthenticated',
      'Missing or invalid signature (X-Osprey-Signature: sha256=<HMAC-SHA256 of the body keyed with the token>).',
    );
  }
  if (!body.ok) return fail(body.status, 'bad_request', body.message);
  const read = readAlert(body.value, {
    now,
    maxAgeMs: deps.settings.maxAgeMs,
    maxSkewMs: deps.settings.maxSkewMs,
  });
  if (!read.ok)
    return fail(
      read.status,
      read.status === 400 ? 'bad_request' : 'unprocessable',
      read.message,
      read.fields,
    );

  const accountId = token.accountId;
  if (!accountId)
    return fail(
      422,
      'unprocessable',
      'You have no exchange account to trade on; add one (or the paper account) first.',
    );
  const markets = await deps.markets.marketsOf(
    accountId,
    async () => {
      const account = await findExchangeAccountById(deps.db, accountId);
      if (!account) throw new Error('The account went away');
      return deps.exchangeFor(account);
    },
    now.getTime(),
    deps.settings.marketWaitMs,
  );
  const symbol = resolveAlertSymbol(read.alert.symbol, markets);
  if (!symbol.ok) return fail(422, 'unprocessable', symbol.message, { symbol: [symbol.message] });

  const dedupeKey = await dedupeKeyOf(deps, token, read.alert, request.raw, now);
  if (dedupeKey.duplicateOf)
    return { status: 200, body: { status: 'duplicate', signalId: dedupeKey.duplicateOf } };
  const values = signalValues(read.alert, symbol.symbol, body.value);
  // One round trip: insert … on conflict do nothing returning id (a duplicate reads the id).
  const { id, duplicate } = await insertIntakeSignal(deps.db, {
    userId: token.userId,
    exchangeAccountId: accountId,
    botId: token.botId,
    source: 'tradingview',
    dedupeKey: dedupeKey.key,
    createdAt: now,
    ...values,
  });
  touchSoon(deps, token, now);
  return duplicate
    ? { status: 200, body: { status: 'duplicate', signalId: id } }
    : { status: 202, body: { signalId: id, status: 'queued' } };
}

const touched = new Map<string, number>();

/** Records "last used" at most once a minute per token and process (no hot-row write per alert). */
function touchSoon(deps: WebhookDeps, token: IntakeToken, now: Date) {
  const last = Math.max(token.lastUsedAt?.getTime() ?? 0, touched.get(token.id) ?? 0);
  if (now.getTime() - last < 60_000) return;
  if (touched.size > 10_000) touched.clear();
  touched.set(token.id, now.getTime());
  void touchWebhookToken(deps.db, token.id, now).catch(() => undefined);
}

/**
 * `tv:<bot>:<alert_id>` when the alert has an id; otherwise the body's hash in a time bucket of
 * the dedupe window, also checking the previous bucket so copies straddling a boundary match.
 */
async function dedupeKeyOf(
  deps: WebhookDeps,
  token: IntakeToken,
  alert: Alert,
  raw: string,
  now: Date,
): Promise<{ key: string; duplicateOf?: string }> {
  if (alert.alertId) return { key: `tv:${token.botId ?? '-'}:${alert.alertId}` };
  const digest = createHash('sha256')
    .update(`${token.botId ?? '-'}\n${raw}`)
    .digest('hex');
  const bucket = Math.floor(now.getTime() / deps.settings.dedupeWindowMs);
  const previous = await findSignalByDedupeKey(
    deps.db,
    token.userId,
    `tvbody:${digest}:${bucket - 1}`,
  );
  const fresh =
    previous && now.getTime() - previous.createdAt.getTime() <= deps.settings.dedupeWindowMs;
  return { key: `tvbody:${digest}:${bucket}`, ...(fresh ? { duplicateOf: previous.id } : {}) };
}

function signalValues(
  alert: Alert,
  symbol: string,
  payload: Record<string, unknown>,
): Omit<
  IntakeSignal,
  'userId' | 'exchangeAccountId' | 'botId' | 'source' | 'dedupeKey' | 'createdAt'
> {
  const level = (l: Level | undefined, sign: 1 | -1) =>
    !l
      ? null
      : l.kind === 'price'
        ? l.value
        : alert.price && alert.action === 'buy'
          ? (Number(alert.price) * (1 + (sign * l.value) / 100)).toString()
          : null;
  return {
    symbol,
    action: alert.action,
    orderType: alert.orderType,
    quantity: alert.quantity ?? null,
    quoteAmount: alert.quoteAmount ?? null,
    price: alert.price ?? null,
    stopLoss: level(alert.stopLoss, -1),
    takeProfit: level(alert.takeProfit, 1),
    confidence: alert.confidence ?? null,
    strategy: alert.strategy ?? null,
    timeframe: alert.timeframe ?? null,
    payload: Object.fromEntries(
      Object.entries(payload).filter(([k]) => !SECRET_KEYS.has(k.toLowerCase())),
    ),
  };
}
