import { withUser } from '@/lib/auth/route';
import { listUserBacktests } from '@/lib/backtests/backtests';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** The signed-in user's backtests, newest first (no curves or trades). */
export const GET = withUser(async (_request, _context, user) => {
  return Response.json({ backtests: await listUserBacktests(getTrading().deps.db, user.id) });
});
