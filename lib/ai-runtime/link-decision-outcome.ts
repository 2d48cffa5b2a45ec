/**
 * Links ledger rows to what they led to: the signal, its order and (for a buy) the position.
 * Positions appear after the signal (a limit entry fills later), so linking is a repeatable
 * sweep: safe to run any number of times, from the cycle hook, the decider or the worker.
 */
import { type Db } from '../db/client';
import { linkAiDecision } from '../db/queries/ai-decisions';
import { findSignal } from '../db/queries/signals';
import {
  ordersOfSignal,
  positionOfSignal,
  signalsWithUnlinkedDecisions,
} from '../db/queries/ai-decision-links';

/** Links the decision carried by `signalId` (no-op for a signal without one). True if linked. */
export async function linkDecisionOutcome(db: Db, signalId: string): Promise<boolean> {
  const signal = await findSignal(db, signalId);
  if (!signal?.aiDecisionId) return false;
  const placed = await ordersOfSignal(db, signal.id);
  const role = signal.action === 'buy' ? 'entry' : 'exit';
  const order = placed.find((o) => o.role === role) ?? placed[0];
  // Only the buy that opened a position owns it; a close decision links its signal and exit order,
  // so per-version trade counts never count one position twice.
  const position = signal.action === 'buy' ? await positionOfSignal(db, signal.id) : undefined;
  return linkAiDecision(db, {
    userId: signal.userId,
    id: signal.aiDecisionId,
    signalId: signal.id,
    orderId: order?.id,
    positionId: position?.id,
  });
}

/** Links every decision in scope that has a link to gain; returns how many were updated. */
export async function linkPendingDecisions(
  db: Db,
  scope: { botId?: string; userId?: string; since?: Date; limit?: number } = {},
): Promise<number> {
  let linked = 0;
  for (const signalId of await signalsWithUnlinkedDecisions(db, scope)) {
    if (await linkDecisionOutcome(db, signalId)) linked++;
  }
  return linked;
}
