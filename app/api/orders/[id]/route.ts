import { idParam } from '@/lib/http/id-param';
import { getUserOrderOrThrow } from '@/lib/signals/orders-api';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

export const GET = withApiUser<Context>('read', async (_request, context, user) => {
  return Response.json({
    order: await getUserOrderOrThrow(getTrading().deps, user.id, await idParam(context)),
  });
});
