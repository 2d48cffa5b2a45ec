import { idParam } from '@/lib/http/id-param';
import { refreshUserOrder } from '@/lib/signals/orders-api';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Re-reads the order from the venue by its client order id. */
export const POST = withApiUser<Context>('trade', async (_request, context, user) => {
  return Response.json({
    order: await refreshUserOrder(getTrading().deps, user.id, await idParam(context)),
  });
});
