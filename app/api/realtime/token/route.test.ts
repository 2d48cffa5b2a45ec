import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@/lib/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { realtimeTokenResponseSchema } from '@/lib/realtime/events';
import { verifySocketToken } from '@/lib/realtime/token';

const secret = 'route-test-secret-route-test-secret-123456';
const signedIn = vi.hoisted(() => ({ user: null as User | null }));

vi.mock('@/lib/auth/current-user', () => ({
  requireUser: () => {
    if (!signedIn.user) return Promise.reject(new AppError('unauthenticated'));
    return Promise.resolve(signedIn.user);
  },
}));

vi.stubEnv('DATABASE_URL', 'postgres://osprey:x@127.0.0.1:5432/osprey');
vi.stubEnv('AUTH_SECRET', secret);
vi.stubEnv('ENCRYPTION_KEY', 'a'.repeat(64));
vi.stubEnv('WORKER_PORT', '4001');

const { GET } = await import('./route');

const user = {
  id: '0b9f3c56-8a41-4d0e-9f0a-2f6f4f1e7c11',
  role: 'admin',
  status: 'active',
} as User;
const get = (host: string) =>
  GET(new Request(`http://${host}/api/realtime/token`, { headers: { host } }), undefined);

describe('GET /api/realtime/token', () => {
  beforeEach(() => {
    signedIn.user = null;
  });

  it('gives a signed-in user a token for themselves and the worker URL on their host', async () => {
    signedIn.user = user;
    const response = await get('192.168.1.20:3000');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = realtimeTokenResponseSchema.parse(await response.json());
    expect(body.url).toBe('http://192.168.1.20:4001');
    expect(await verifySocketToken(body.token, { secret })).toEqual({
      ok: true,
      claims: { userId: user.id, role: 'admin' },
    });
  });

  it('refuses anyone not signed in', async () => {
    const response = await get('localhost:3000');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unauthenticated',
    );
  });
});
