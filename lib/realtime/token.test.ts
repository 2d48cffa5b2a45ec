import { SignJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createSocketToken,
  socketTokenKey,
  SOCKET_TOKEN_TTL_SECONDS,
  verifySocketToken,
} from './token';

const secret = 'a'.repeat(32) + '-socket-token-test-secret';
const userId = '6f1f7b7e-2c1a-4c39-9d0c-0f7f0d9b8a11';
const t0 = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('socket tokens', () => {
  it('carry the user id and role and expire 60 s after issue', async () => {
    const token = await createSocketToken({ userId, role: 'admin' }, { secret, now: t0 });
    const claims = decodeJwt(token);
    expect(claims.sub).toBe(userId);
    expect(claims.role).toBe('admin');
    expect(claims.exp! - claims.iat!).toBe(SOCKET_TOKEN_TTL_SECONDS);
    expect(claims.iat).toBe(t0.getTime() / 1000);
  });

  it('verify within their lifetime', async () => {
    const token = await createSocketToken({ userId, role: 'trader' }, { secret, now: t0 });
    expect(await verifySocketToken(token, { secret, now: at(0) })).toEqual({
      ok: true,
      claims: { userId, role: 'trader' },
    });
    expect((await verifySocketToken(token, { secret, now: at(59) })).ok).toBe(true);
  });

  it('are refused as expired after 60 s (beyond the 5 s skew allowance)', async () => {
    const token = await createSocketToken({ userId, role: 'trader' }, { secret, now: t0 });
    expect(await verifySocketToken(token, { secret, now: at(66) })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(await verifySocketToken(token, { secret, now: at(3600) })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('are refused when issued too far in the future', async () => {
    const token = await createSocketToken({ userId, role: 'trader' }, { secret, now: at(120) });
    expect((await verifySocketToken(token, { secret, now: t0 })).ok).toBe(false);
  });

  it('are refused under another secret', async () => {
    const token = await createSocketToken({ userId, role: 'admin' }, { secret, now: t0 });
    const other = 'b'.repeat(32) + '-another-deployment-secret';
    expect(await verifySocketToken(token, { secret: other, now: t0 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('are not signed with AUTH_SECRET itself (a token keyed with the raw secret is refused)', async () => {
    const raw = new TextEncoder().encode(secret);
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('osprey')
      .setAudience('osprey:realtime')
      .setIssuedAt(t0.getTime() / 1000)
      .setExpirationTime(t0.getTime() / 1000 + 60)
      .sign(raw);
    expect(await verifySocketToken(forged, { secret, now: t0 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('are refused when tampered with, for another audience, or without a role', async () => {
    const token = await createSocketToken({ userId, role: 'trader' }, { secret, now: t0 });
    const [header, , signature] = token.split('.');
    const body = Buffer.from(JSON.stringify({ ...decodeJwt(token), role: 'admin' })).toString(
      'base64url',
    );
    expect(
      (await verifySocketToken(`${header}.${body}.${signature}`, { secret, now: t0 })).ok,
    ).toBe(false);

    const key = socketTokenKey(secret);
    const base = () =>
      new SignJWT({ role: 'trader' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer('osprey')
        .setIssuedAt(t0.getTime() / 1000)
        .setExpirationTime(t0.getTime() / 1000 + 60);
    const otherAudience = await base().setAudience('osprey:session').sign(key);
    expect((await verifySocketToken(otherAudience, { secret, now: t0 })).ok).toBe(false);
    const noRole = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer('osprey')
      .setAudience('osprey:realtime')
      .setIssuedAt(t0.getTime() / 1000)
      .setExpirationTime(t0.getTime() / 1000 + 60)
      .sign(key);
    expect(await verifySocketToken(noRole, { secret, now: t0 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifySocketToken('not-a-token', { secret, now: t0 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('derive a key distinct from the secret bytes', () => {
    const key = socketTokenKey(secret);
    expect(key.length).toBe(32);
    expect(Buffer.from(key).equals(Buffer.from(secret).subarray(0, 32))).toBe(false);
    expect(Buffer.from(socketTokenKey(secret)).equals(Buffer.from(key))).toBe(true);
  });
});
