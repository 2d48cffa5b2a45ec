import { withUser } from '@/lib/auth/route';
import { getConfig } from '@/lib/config';
import type { RealtimeTokenResponse } from '@/lib/realtime/events';
import { realtimePublicUrl } from '@/lib/realtime/public-url';
import { createSocketToken } from '@/lib/realtime/token';

export const dynamic = 'force-dynamic';

/** A 60-second socket token for the signed-in user and where the live-update server is. */
export const GET = withUser(async (request, _context, user) => {
  const config = getConfig();
  const token = await createSocketToken(
    { userId: user.id, role: user.role },
    { secret: config.AUTH_SECRET },
  );
  const url = realtimePublicUrl({
    configuredUrl: config.REALTIME_PUBLIC_URL,
    requestUrl: request.url,
    hostHeader: request.headers.get('host'),
    forwardedProto: request.headers.get('x-forwarded-proto'),
    trustProxy: config.TRUST_PROXY,
    workerPort: config.WORKER_PORT,
  });
  const body: RealtimeTokenResponse = { token, url };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});
