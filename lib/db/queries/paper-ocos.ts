import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isUuid } from '../../core/is-uuid';
import type { Db } from '../client';
import {
  paperOcoLists,
  paperOrders,
  type NewPaperOcoList,
  type PaperOcoList,
  type PaperOrder,
} from '../schema';
import { aliased, fromRow } from './raw-rows';

// Paper OCO lists and their legs (lock order: see `paper.ts`).

export type PaperOcoRef = { id: string } | { clientOcoId: string };

/** The legs of an OCO list, take-profit first. */
export async function listPaperOcoLegs(
  db: Db,
  ocoId: string,
  options: { lock?: boolean } = {},
): Promise<PaperOrder[]> {
  const query = db
    .select()
    .from(paperOrders)
    .where(eq(paperOrders.ocoId, ocoId))
    .orderBy(sql`${paperOrders.ocoLeg} = 'stop-loss'`, asc(paperOrders.seq));
  return options.lock ? query.for('update') : query;
}

/** Every leg of the given OCO lists (any status), take-profit first within a list. */
export async function listLegsOfPaperOcos(
  db: Db,
  ocoIds: readonly string[],
): Promise<PaperOrder[]> {
  if (ocoIds.length === 0) return [];
  return db
    .select()
    .from(paperOrders)
    .where(inArray(paperOrders.ocoId, [...ocoIds]))
    .orderBy(paperOrders.ocoId, sql`${paperOrders.ocoLeg} = 'stop-loss'`, asc(paperOrders.seq));
}

/**
 * Moves `checked_until` of open OCO lists forward in one statement, each only while it is still
 * the value the caller read (`from`): a list another matcher booked or triggered meanwhile (which
 * always moves it) or that was cancelled is left as it is.
 */
export async function advancePaperOcoChecks(
  db: Db,
  checks: readonly { id: string; from: Date; to: Date }[],
): Promise<void> {
  if (checks.length === 0) return;
  const rows = sql.join(
    checks.map(
      (c) =>
        sql`(${c.id}::uuid, ${c.from.toISOString()}::timestamptz, ${c.to.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update ${paperOcoLists} as l set checked_until = v.to_checked
    from (values ${rows}) as v(id, from_checked, to_checked)
    where l.id = v.id and l.status = 'open' and l.checked_until = v.from_checked`);
}

export async function findPaperOco(
  db: Db,
  accountId: string,
  ref: PaperOcoRef,
  options: { lock?: boolean } = {},
): Promise<PaperOcoList | undefined> {
  if ('id' in ref && !isUuid(ref.id)) return undefined;
  const match =
    'id' in ref ? eq(paperOcoLists.id, ref.id) : eq(paperOcoLists.clientOcoId, ref.clientOcoId);
  const query = db
    .select()
    .from(paperOcoLists)
    .where(and(eq(paperOcoLists.accountId, accountId), match))
    .limit(1);
  const rows = options.lock ? await query.for('update') : await query;
  return rows[0];
}

/** An OCO list with its legs (take-profit first), read in one statement. */
export async function findPaperOcoWithLegs(
  db: Db,
  accountId: string,
  ref: PaperOcoRef,
): Promise<{ oco: PaperOcoList; legs: PaperOrder[] } | undefined> {
  if ('id' in ref && !isUuid(ref.id)) return undefined;
  const match = 'id' in ref ? sql`l.id = ${ref.id}` : sql`l.client_oco_id = ${ref.clientOcoId}`;
  const rows = await db.execute<Record<string, unknown>>(sql`
    select ${aliased(paperOcoLists, 'l', 'l__')}, ${aliased(paperOrders, 't', 't__')}
    from ${paperOcoLists} l left join ${paperOrders} t on t.oco_id = l.id
    where l.account_id = ${accountId} and ${match}
    order by t.oco_leg = 'stop-loss', t.seq`);
  if (rows.length === 0) return undefined;
  return {
    oco: fromRow(paperOcoLists, rows[0]!, 'l__'),
    legs: rows.filter((row) => row.t__id).map((row) => fromRow(paperOrders, row, 't__')),
  };
}

export async function updatePaperOco(
  db: Db,
  id: string,
  patch: Partial<Omit<NewPaperOcoList, 'id' | 'accountId'>>,
): Promise<PaperOcoList> {
  const rows = await db
    .update(paperOcoLists)
    .set(patch)
    .where(eq(paperOcoLists.id, id))
    .returning();
  return rows[0]!;
}

export async function listOpenPaperOcos(db: Db, accountId: string): Promise<PaperOcoList[]> {
  return db
    .select()
    .from(paperOcoLists)
    .where(and(eq(paperOcoLists.accountId, accountId), eq(paperOcoLists.status, 'open')))
    .orderBy(asc(paperOcoLists.seq));
}
