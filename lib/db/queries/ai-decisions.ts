import { and, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import {
  aiDecisions,
  aiReflections,
  positions,
  type AiDecisionRow,
  type NewAiDecisionRow,
} from '../schema';

export async function insertAiDecision(db: Db, row: NewAiDecisionRow): Promise<AiDecisionRow> {
  const rows = await db.insert(aiDecisions).values(row).returning();
  return rows[0]!;
}

/**
 * The newest valid decision a provider made for this user and cache key (a cache replay copies
 * it). Holds caused by errors or by output that stayed invalid after the repair are never reused.
 */
export async function findCachedAiDecision(
  db: Db,
  params: { userId: string; cacheKey: string },
): Promise<AiDecisionRow | undefined> {
  const rows = await db
    .select()
    .from(aiDecisions)
    .where(
      and(
        eq(aiDecisions.userId, params.userId),
        eq(aiDecisions.cacheKey, params.cacheKey),
        eq(aiDecisions.decidedBy, 'provider'),
        isNull(aiDecisions.error),
        isNotNull(aiDecisions.parsed),
      ),
    )
    .orderBy(desc(aiDecisions.createdAt))
    .limit(1);
  return rows[0];
}

/** What a user's AI calls cost in `[from, to)`: decisions plus reflections, as an exact string. */
export async function sumAiSpend(
  db: Db,
  params: { userId: string; from: Date; to: Date },
): Promise<string> {
  const from = params.from.toISOString();
  const to = params.to.toISOString();
  const spent = (table: typeof aiDecisions | typeof aiReflections) =>
    sql`(select coalesce(sum(${table.cost}), 0) from ${table} where ${table.userId} = ${params.userId}
      and ${table.createdAt} >= ${from}::timestamptz and ${table.createdAt} < ${to}::timestamptz)`;
  const rows = await db.execute<{ total: string }>(
    sql`select (${spent(aiDecisions)} + ${spent(aiReflections)})::text as total`,
  );
  return rows[0]?.total ?? '0';
}

export interface AiDecisionFilters {
  userId: string;
  botId?: string;
  strategyVersionId?: string;
  provider?: 'openai' | 'gemini' | 'rules';
  action?: 'buy' | 'sell' | 'hold' | 'close';
  /** true: no error (possibly after a repair); false: provider failure or invalid output. */
  valid?: boolean;
  from?: Date;
  to?: Date;
  /** Keyset paging: rows created before this time. */
  before?: Date;
  limit?: number;
}

/** The AI log viewer's list: the user's own decisions, newest first. */
export async function listAiDecisions(
  db: Db,
  filters: AiDecisionFilters,
): Promise<AiDecisionRow[]> {
  const where: SQL[] = [eq(aiDecisions.userId, filters.userId)];
  if (filters.botId) where.push(eq(aiDecisions.botId, filters.botId));
  if (filters.strategyVersionId)
    where.push(eq(aiDecisions.strategyVersionId, filters.strategyVersionId));
  if (filters.provider) where.push(eq(aiDecisions.provider, filters.provider));
  if (filters.action) where.push(eq(aiDecisions.action, filters.action));
  if (filters.valid === true) where.push(isNull(aiDecisions.error));
  if (filters.valid === false) where.push(isNotNull(aiDecisions.error));
  if (filters.from) where.push(gte(aiDecisions.createdAt, filters.from));
  if (filters.to) where.push(lt(aiDecisions.createdAt, filters.to));
  if (filters.before) where.push(lt(aiDecisions.createdAt, filters.before));
  return db
    .select()
    .from(aiDecisions)
    .where(and(...where))
    .orderBy(desc(aiDecisions.createdAt), desc(aiDecisions.id))
    .limit(Math.min(filters.limit ?? 50, 500));
}

/** One decision when it belongs to `userId`. */
export async function findUserAiDecision(
  db: Db,
  params: { userId: string; id: string },
): Promise<AiDecisionRow | undefined> {
  const rows = await db
    .select()
    .from(aiDecisions)
    .where(and(eq(aiDecisions.id, params.id), eq(aiDecisions.userId, params.userId)))
    .limit(1);
  return rows[0];
}

/** Links a decision to the signal, order and position it led to (set by the trading layer). */
export async function linkAiDecision(
  db: Db,
  params: { userId: string; id: string; signalId?: string; orderId?: string; positionId?: string },
): Promise<boolean> {
  const set: Partial<NewAiDecisionRow> = {};
  if (params.signalId) set.signalId = params.signalId;
  if (params.orderId) set.orderId = params.orderId;
  if (params.positionId) set.positionId = params.positionId;
  if (Object.keys(set).length === 0) return false;
  const rows = await db
    .update(aiDecisions)
    .set(set)
    .where(and(eq(aiDecisions.id, params.id), eq(aiDecisions.userId, params.userId)))
    .returning({ id: aiDecisions.id });
  return rows.length === 1;
}

export interface AiVersionSummary {
  strategyVersionId: string | null;
  decisions: number;
  /** Decisions with an error (provider failure, budget, invalid output). */
  invalid: number;
  cacheHits: number;
  trades: number;
  wins: number;
  /** Exact decimal strings. */
  realizedPnl: string;
  grossProfit: string;
  aiCost: string;
}

/**
 * Per strategy version: decisions, invalid ones, cache hits, closed trades the decisions led to
 * (wins, realised P&L, gross profit) and AI cost. Cost as % of gross P&L is `aiCost / grossProfit`.
 */
export async function summarizeAiDecisionsByVersion(
  db: Db,
  params: { userId: string; from?: Date; to?: Date },
): Promise<AiVersionSummary[]> {
  const where: SQL[] = [eq(aiDecisions.userId, params.userId)];
  if (params.from) where.push(gte(aiDecisions.createdAt, params.from));
  if (params.to) where.push(lt(aiDecisions.createdAt, params.to));
  const closed = sql`${positions.status} = 'closed'`;
  return db
    .select({
      strategyVersionId: aiDecisions.strategyVersionId,
      decisions: sql<number>`count(*)::int`,
      invalid: sql<number>`count(*) filter (where ${aiDecisions.error} is not null)::int`,
      cacheHits: sql<number>`count(*) filter (where ${aiDecisions.cacheHit})::int`,
      trades: sql<number>`count(${positions.id}) filter (where ${closed})::int`,
      wins: sql<number>`count(${positions.id}) filter (where ${closed} and ${positions.realizedPnl} > 0)::int`,
      realizedPnl: sql<string>`coalesce(sum(${positions.realizedPnl}) filter (where ${closed}), 0)::text`,
      grossProfit: sql<string>`coalesce(sum(${positions.realizedPnl}) filter (where ${closed} and ${positions.realizedPnl} > 0), 0)::text`,
      aiCost: sql<string>`coalesce(sum(${aiDecisions.cost}), 0)::text`,
    })
    .from(aiDecisions)
    .leftJoin(positions, eq(positions.id, aiDecisions.positionId))
    .where(and(...where))
    .groupBy(aiDecisions.strategyVersionId);
}

/** Confidence and exit reason of the version's decisions that led to a closed position. */
export async function listDecisionOutcomes(
  db: Db,
  params: { userId: string; strategyVersionId: string },
): Promise<{ confidence: number; exitReason: string | null }[]> {
  return db
    .select({ confidence: aiDecisions.confidence, exitReason: positions.exitReason })
    .from(aiDecisions)
    .innerJoin(positions, eq(positions.id, aiDecisions.positionId))
    .where(
      and(
        eq(aiDecisions.userId, params.userId),
        eq(aiDecisions.strategyVersionId, params.strategyVersionId),
        eq(positions.status, 'closed'),
      ),
    );
}
