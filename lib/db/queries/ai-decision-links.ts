/** Joins of the AI ledger with the trading tables: signals, orders and positions a decision led to. */
import { and, asc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import {
  aiDecisions,
  orders,
  positions,
  signals,
  type AiDecisionRow,
  type Order,
  type Position,
  type Signal,
} from '../schema';

/** The signal that carried decision `decisionId` (by the ledger's link, else by the signal's). */
export async function findDecisionSignal(
  db: Db,
  decision: Pick<AiDecisionRow, 'id' | 'signalId' | 'userId'>,
): Promise<Signal | undefined> {
  const match = decision.signalId
    ? eq(signals.id, decision.signalId)
    : eq(signals.aiDecisionId, decision.id);
  const rows = await db
    .select()
    .from(signals)
    .where(and(match, eq(signals.userId, decision.userId)))
    .orderBy(asc(signals.createdAt))
    .limit(1);
  return rows[0];
}

/** Orders placed for a signal (entry, or the exit of a close signal), oldest first. */
export async function ordersOfSignal(db: Db, signalId: string): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(eq(orders.signalId, signalId))
    .orderBy(asc(orders.createdAt));
}

/** The position a signal opened, if any. */
export async function positionOfSignal(db: Db, signalId: string): Promise<Position | undefined> {
  const rows = await db.select().from(positions).where(eq(positions.signalId, signalId)).limit(1);
  return rows[0];
}

/**
 * Signals carrying an AI decision whose ledger row still lacks a link it could have: the signal
 * itself, or (for an executed buy) the position that has since opened.
 */
export async function signalsWithUnlinkedDecisions(
  db: Db,
  scope: { botId?: string; userId?: string; since?: Date; limit?: number },
): Promise<string[]> {
  const where: SQL[] = [sql`${signals.status} not in ('queued', 'executing')`];
  if (scope.botId) where.push(eq(signals.botId, scope.botId));
  if (scope.userId) where.push(eq(signals.userId, scope.userId));
  if (scope.since) where.push(gte(signals.createdAt, scope.since));
  const positionPending = and(
    isNull(aiDecisions.positionId),
    eq(signals.action, 'buy'),
    sql`exists (select 1 from ${positions} where ${positions.signalId} = ${signals.id})`,
  );
  const rows = await db
    .select({ id: signals.id })
    .from(signals)
    .innerJoin(aiDecisions, eq(aiDecisions.id, signals.aiDecisionId))
    .where(and(...where, or(isNull(aiDecisions.signalId), positionPending)))
    .orderBy(asc(signals.createdAt))
    .limit(scope.limit ?? 100);
  return rows.map((r) => r.id);
}

/** The decision that opened a position (through its signal), for the position's plan. */
export async function openingDecisionOf(
  db: Db,
  position: Pick<Position, 'id' | 'signalId'>,
): Promise<AiDecisionRow | undefined> {
  const match = position.signalId
    ? or(eq(aiDecisions.positionId, position.id), eq(aiDecisions.signalId, position.signalId))
    : eq(aiDecisions.positionId, position.id);
  const rows = await db
    .select()
    .from(aiDecisions)
    .where(and(match, eq(aiDecisions.action, 'buy')))
    .orderBy(asc(aiDecisions.createdAt))
    .limit(1);
  if (rows[0] || !position.signalId) return rows[0];
  const viaSignal = await db
    .select({ decision: aiDecisions })
    .from(signals)
    .innerJoin(aiDecisions, eq(aiDecisions.id, signals.aiDecisionId))
    .where(eq(signals.id, position.signalId))
    .limit(1);
  return viaSignal[0]?.decision;
}

/** Positions by id for a list of decisions (the log's outcome column). */
export async function positionsByIds(db: Db, ids: string[]): Promise<Position[]> {
  if (ids.length === 0) return [];
  return db.select().from(positions).where(inArray(positions.id, ids));
}
