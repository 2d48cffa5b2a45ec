import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { orderInput } from '@/lib/signals/order-input';
import { listUserOrders, orderListQuery } from '@/lib/signals/orders-api';
import { submitOrder } from '@/lib/signals/submit-order';
import { withApiUser } from '@/lib/signals/with-api-user';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** The user's orders, newest first: filters symbol, status, source, botId, from, to; `cursor` pages. */
export const GET = withApiUser('read', async (request, _context, user) => {
  const query = parseOrThrow(orderListQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listUserOrders(getTrading().deps, user.id, query));
});

/** Places an order (source `api`) through the risk engine and the one order path; answers with the decision. */
export const POST = withApiUser('trade', async (request, _context, user) => {
  const input = parseOrThrow(orderInput, await readJson(request));
  const outcome = await submitOrder(getTrading().deps, user.id, input, 'api');
  const status = outcome.replayed ? 200 : outcome.decision === 'executed' ? 201 : 422;
  return Response.json(outcome, { status });
});
