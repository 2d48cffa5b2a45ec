import { errorResponse } from '@/lib/auth/route';
import { withApiUser } from '@/lib/signals/with-api-user';
import { tradingStatus } from '@/lib/signals/trading-status';
import { userIdFromWebhookToken } from '@/lib/signals/webhook-tokens';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

const withSessionOrAccessToken = withApiUser('read', async (_request, _context, user) => {
  const { deps } = getTrading();
  return Response.json(await tradingStatus(deps.db, user.id, deps.now()));
});

/** Trading state, trades today, open positions, today's P&L, kill switch — for a webhook token's, access token's or session's user. */
export async function GET(request: Request, context: unknown): Promise<Response> {
  try {
    const { deps } = getTrading();
    const userId = await userIdFromWebhookToken(deps.db, request.headers.get('authorization'));
    if (userId) return Response.json(await tradingStatus(deps.db, userId, deps.now()));
  } catch (error) {
    return errorResponse(error);
  }
  return withSessionOrAccessToken(request, context);
}
