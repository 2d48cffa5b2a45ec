import { idParam } from '@/lib/http/id-param';
import { cancelUserOrder } from '@/lib/signals/orders-api';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Cancels a resting entry order (protection legs are managed with their position). */
export const POST = withApiUser<Context>('trade', async (_request, context, user) => {
  return Response.json({
    order: await cancelUserOrder(getTrading().deps, user.id, await idParam(context)),
  });
});
