/**
 * The AI log's use cases: the user's decisions with filters, one decision in full with what it
 * led to (signal, orders, position and its outcome), per-version summaries and calibration.
 * Every function takes the user id and sees only that user's rows.
 */
import {
  getAiStrategyVersion,
  listAiStrategies,
  versionCalibration,
  type Calibration,
} from '../ai';
import { dec } from '../core/money';
import { type Db } from '../db/client';
import {
  findUserAiDecision,
  listAiDecisions,
  summarizeAiDecisionsByVersion,
  type AiVersionSummary,
} from '../db/queries/ai-decisions';
import { type AiDecisionRow, type Order, type Position, type Signal } from '../db/schema';
import { AppError } from '../errors/app-error';
import {
  findDecisionSignal,
  ordersOfSignal,
  positionOfSignal,
  positionsByIds,
} from '../db/queries/ai-decision-links';
import { findPosition } from '../db/queries/positions';
import { type DecisionFilters } from './schemas';

/** How a position ended (or that it is still open). */
export interface DecisionOutcome {
  positionId: string;
  status: Position['status'];
  entryPrice: string;
  exitPrice: string | null;
  realizedPnl: string | null;
  realizedPnlPct: string | null;
  exitReason: Position['exitReason'];
  closedAt: Date | null;
}

/** A log row: the ledger without the heavy prompt and raw response. */
export type DecisionListItem = Omit<
  AiDecisionRow,
  'prompt' | 'rawResponse' | 'validationErrors'
> & {
  reasoning: string | null;
  outcome: DecisionOutcome | null;
};

export interface DecisionDetail {
  decision: AiDecisionRow;
  signal: Signal | null;
  orders: Order[];
  position: Position | null;
  outcome: DecisionOutcome | null;
}

export function outcomeOf(position: Position | null | undefined): DecisionOutcome | null {
  if (!position) return null;
  return {
    positionId: position.id,
    status: position.status,
    entryPrice: position.entryPrice,
    exitPrice: position.exitPrice,
    realizedPnl: position.realizedPnl,
    realizedPnlPct: position.realizedPnlPct,
    exitReason: position.exitReason,
    closedAt: position.closedAt,
  };
}

export async function listDecisions(
  db: Db,
  userId: string,
  filters: DecisionFilters,
): Promise<DecisionListItem[]> {
  const rows = await listAiDecisions(db, { ...filters, userId });
  const ids = [...new Set(rows.map((r) => r.positionId).filter((id): id is string => !!id))];
  const byId = new Map((await positionsByIds(db, ids)).map((p) => [p.id, p]));
  return rows.map(({ prompt: _p, rawResponse: _r, validationErrors: _v, ...row }) => ({
    ...row,
    reasoning: typeof row.parsed?.reasoning === 'string' ? row.parsed.reasoning : null,
    outcome: outcomeOf(row.positionId ? byId.get(row.positionId) : null),
  }));
}

/** One decision in full; `not_found` when it is not the user's. */
export async function getDecisionDetail(
  db: Db,
  userId: string,
  id: string,
): Promise<DecisionDetail> {
  const decision = await findUserAiDecision(db, { userId, id });
  if (!decision) throw new AppError('not_found', 'AI decision not found.');
  const signal = (await findDecisionSignal(db, decision)) ?? null;
  const orders = signal ? await ordersOfSignal(db, signal.id) : [];
  let position: Position | null = null;
  if (decision.positionId) position = (await findPosition(db, decision.positionId)) ?? null;
  else if (signal?.action === 'buy') position = (await positionOfSignal(db, signal.id)) ?? null;
  return { decision, signal, orders, position, outcome: outcomeOf(position) };
}

export interface VersionSummary extends AiVersionSummary {
  strategyId: string | null;
  strategyName: string | null;
  version: number | null;
  winRatePct: number | null;
  /** AI cost as % of gross profit; null when there is no gross profit. */
  costPctOfGross: number | null;
}

export async function versionSummaries(
  db: Db,
  userId: string,
  range: { from?: Date; to?: Date } = {},
): Promise<VersionSummary[]> {
  const [rows, strategies] = await Promise.all([
    summarizeAiDecisionsByVersion(db, { userId, ...range }),
    listAiStrategies(db, userId),
  ]);
  const labels = new Map(
    strategies.flatMap((s) => s.versions.map((v) => [v.id, { strategy: s, version: v }] as const)),
  );
  return rows.map((row) => {
    const label = row.strategyVersionId ? labels.get(row.strategyVersionId) : undefined;
    const gross = dec(row.grossProfit);
    return {
      ...row,
      strategyId: label?.strategy.id ?? null,
      strategyName: label?.strategy.name ?? null,
      version: label?.version.version ?? null,
      winRatePct: row.trades > 0 ? (row.wins / row.trades) * 100 : null,
      costPctOfGross: gross.isPositive()
        ? dec(row.aiCost).mul('100').div(gross, 6, 'half-even').toNumber()
        : null,
    };
  });
}

/** The calibration table of one of the user's versions (`not_found` for another user's). */
export async function calibrationOf(
  db: Db,
  userId: string,
  strategyVersionId: string,
): Promise<Calibration> {
  await getAiStrategyVersion(db, { userId, versionId: strategyVersionId });
  return versionCalibration(db, { userId, strategyVersionId });
}
