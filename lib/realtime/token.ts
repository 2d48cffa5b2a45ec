/**
 * Short-lived socket tokens: the web process signs one for a signed-in user (`GET
 * /api/realtime/token`), the browser hands it to the worker's Socket.IO server, which verifies it
 * and then checks the user's current row. HS256 with a key derived from AUTH_SECRET for this one
 * purpose, so a socket token is never accepted as anything else (and nothing else as one).
 */
import { hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { userRole, type UserRole } from '../db/schema';

export const SOCKET_TOKEN_TTL_SECONDS = 60;

const PURPOSE = 'osprey/realtime-socket-token/v1';
const ISSUER = 'osprey';
const AUDIENCE = 'osprey:realtime';
/** Web and worker may run on different machines: allow a little clock skew. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface SocketTokenClaims {
  userId: string;
  role: UserRole;
}

export type SocketTokenCheck =
  { ok: true; claims: SocketTokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

interface KeyOptions {
  /** AUTH_SECRET. */
  secret: string;
  /** The clock (tests inject one). */
  now?: Date;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(userRole.enumValues),
});

/** The HS256 key for socket tokens: HKDF-SHA256 of AUTH_SECRET with this purpose's label. */
export function socketTokenKey(secret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, '', PURPOSE, 32));
}

export async function createSocketToken(
  claims: SocketTokenClaims,
  options: KeyOptions,
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SOCKET_TOKEN_TTL_SECONDS)
    .sign(socketTokenKey(options.secret));
}

/** Never throws: a bad token is `{ ok: false }`, with `expired` told apart from everything else. */
export async function verifySocketToken(
  token: string,
  options: KeyOptions,
): Promise<SocketTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, socketTokenKey(options.secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
      maxTokenAge: SOCKET_TOKEN_TTL_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: options.now ?? new Date(),
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { userId: claims.data.sub, role: claims.data.role } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
