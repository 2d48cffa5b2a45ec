'use server';

import { userAction } from '@/lib/auth/action';
import { signalLog, signalLogQuery } from '@/lib/signals/signal-exports';
import { getTrading } from '@/lib/trading/runtime';

/**
 * A page of the signal log (filters: source, status, symbol, botId, from, to; `cursor` from the
 * previous page's `nextCursor`). Each item carries its decision, reason, risk results and order.
 */
export const listSignalsAction = userAction(signalLogQuery, async (query, user) =>
  signalLog(getTrading().deps.db, user.id, query),
);
