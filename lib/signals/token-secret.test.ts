import { describe, expect, it } from 'vitest';
import { hashToken, newToken, sameDigest, signBody, verifySignature } from './token-secret';

describe('token secrets', () => {
  it('makes distinct 256-bit tokens with their hash and display prefix', () => {
    const a = newToken('whk_');
    const b = newToken('whk_');
    expect(a.token).toMatch(/^whk_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.displayPrefix).toBe(a.token.slice(0, 10));
  });

  it('compares digests and verifies HMAC signatures', () => {
    expect(sameDigest(hashToken('x'), hashToken('x'))).toBe(true);
    expect(sameDigest(hashToken('x'), hashToken('y'))).toBe(false);
    expect(sameDigest('', '')).toBe(false);
    const signature = signBody('whk_key', '{"a":1}');
    expect(verifySignature('whk_key', '{"a":1}', signature)).toBe(true);
    expect(verifySignature('whk_key', '{"a":1}', signature.replace('sha256=', ''))).toBe(true);
    expect(verifySignature('whk_key', '{"a":2}', signature)).toBe(false);
    expect(verifySignature('whk_other', '{"a":1}', signature)).toBe(false);
    expect(verifySignature('whk_key', '{"a":1}', 'garbage')).toBe(false);
  });
});

describe('accessTokenInput', () => {
  it('reads scopes from an array or a form field', async () => {
    const { accessTokenInput } = await import('./access-tokens');
    expect(accessTokenInput.parse({ label: 'ci', scopes: 'read,trade' }).scopes).toEqual([
      'read',
      'trade',
    ]);
    expect(accessTokenInput.parse({ label: 'ci', scopes: ['read'] }).scopes).toEqual(['read']);
    expect(accessTokenInput.safeParse({ label: 'ci', scopes: 'admin' }).success).toBe(false);
  });
});
