import { getDb } from '@/lib/db';
import { newestHeartbeatAgeMs } from '@/lib/db/queries/heartbeats';
import { databaseReachable } from '@/lib/db/queries/health';
import { appVersion } from '@/lib/version';

export const dynamic = 'force-dynamic';

/** Public liveness: database reachable, newest worker heartbeat age, version. 503 without a database. */
export async function GET() {
  const db = getDb();
  const database = await databaseReachable(db);
  const workerHeartbeatAgeMs = database ? await newestHeartbeatAgeMs(db).catch(() => null) : null;
  return Response.json(
    {
      status: database ? 'ok' : 'unavailable',
      database,
      workerHeartbeatAgeMs,
      version: appVersion,
    },
    { status: database ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
