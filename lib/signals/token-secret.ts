import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes that say what a token is when it turns up in a log or a paste. */
export const WEBHOOK_TOKEN_PREFIX = 'whk_';
export const ACCESS_TOKEN_PREFIX = 'osp_';

/** A new random token (256 bits) with its prefix, its SHA-256 and a short display prefix. */
export function newToken(prefix: string): { token: string; hash: string; displayPrefix: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, prefix.length + 6) };
}

/**
 * SHA-256 of a token. The tokens are 256-bit random, so a fast unsalted hash is enough: there is
 * nothing to brute-force, and the lookup by hash stays an index hit.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests (false for different lengths). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * Checks an HMAC-SHA256 signature of the raw body keyed with the token (`sha256=<hex>` or bare
 * hex), in constant time.
 */
export function verifySignature(token: string, rawBody: string, header: string): boolean {
  const given = header
    .trim()
    .replace(/^sha256=/i, '')
    .toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', token).update(rawBody, 'utf8').digest('hex');
  return sameDigest(expected, given);
}

/** The signature a sender computes (used by tests and documented for senders). */
export function signBody(token: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', token).update(rawBody, 'utf8').digest('hex')}`;
}
