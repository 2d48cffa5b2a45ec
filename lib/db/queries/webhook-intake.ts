import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { bots, signals, users, webhookTokens, type NewSignal } from '../schema';

/**
 * The webhook hot path's two statements, built once per database handle and run as named
 * prepared statements (no query building, no planning per alert): one read that resolves the
 * token, its owner, its bot and the account to trade on; one insert that stores the signal or
 * reports the duplicate.
 */
function statements(db: Db) {
  const token = db
    .select({
      id: webhookTokens.id,
      userId: webhookTokens.userId,
      tokenHash: webhookTokens.tokenHash,
      botId: bots.id,
      requireSignature: webhookTokens.requireSignature,
      allowedIps: webhookTokens.allowedIps,
      lastUsedAt: webhookTokens.lastUsedAt,
      // The bound bot's account, else the default one, else paper, else the first (as signalAccount).
      accountId: sql<
        string | null
      >`(select a.id from exchange_accounts a where a.user_id = ${webhookTokens.userId}
        order by (a.id = ${bots.exchangeAccountId}) is true desc, a.is_default desc, (a.venue = 'paper') desc, a.created_at, a.id
        limit 1)`,
    })
    .from(webhookTokens)
    .innerJoin(users, and(eq(users.id, webhookTokens.userId), eq(users.status, 'active')))
    .leftJoin(bots, and(eq(bots.id, webhookTokens.botId), eq(bots.userId, webhookTokens.userId)))
    .where(
      and(eq(webhookTokens.tokenHash, sql.placeholder('hash')), isNull(webhookTokens.revokedAt)),
    )
    .limit(1)
    .prepare('webhook_intake_token');
  const placeholders = Object.fromEntries(
    INSERT_COLUMNS.map((c) => [c, sql.placeholder(c)]),
  ) as unknown as NewSignal;
  const insert = db
    .insert(signals)
    .values(placeholders)
    .onConflictDoNothing()
    .returning({ id: signals.id })
    .prepare('webhook_intake_insert');
  const existing = db
    .select({ id: signals.id })
    .from(signals)
    .where(
      and(
        eq(signals.userId, sql.placeholder('userId')),
        eq(signals.dedupeKey, sql.placeholder('dedupeKey')),
      ),
    )
    .limit(1)
    .prepare('webhook_intake_existing');
  return { token, insert, existing };
}

const INSERT_COLUMNS = [
  'userId',
  'exchangeAccountId',
  'botId',
  'source',
  'symbol',
  'action',
  'orderType',
  'quantity',
  'quoteAmount',
  'price',
  'stopLoss',
  'takeProfit',
  'confidence',
  'strategy',
  'timeframe',
  'dedupeKey',
  'payload',
  'createdAt',
] as const satisfies readonly (keyof NewSignal)[];

export type IntakeSignal = { [K in (typeof INSERT_COLUMNS)[number]]-?: NewSignal[K] | null };

const prepared = new WeakMap<Db, ReturnType<typeof statements>>();
const statementsOf = (db: Db) => {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = statements(db)));
  return s;
};

export interface IntakeToken {
  id: string;
  userId: string;
  tokenHash: string;
  /** The bound bot when it still exists and is the owner's; null otherwise. */
  botId: string | null;
  requireSignature: boolean;
  allowedIps: string[];
  lastUsedAt: Date | null;
  /** The account the token's signals trade on; null when the owner has none. */
  accountId: string | null;
}

/** The live token with this hash whose owner is active, with its bot and account, or undefined. */
export async function findIntakeToken(db: Db, tokenHash: string): Promise<IntakeToken | undefined> {
  const rows = await statementsOf(db).token.execute({ hash: tokenHash });
  return rows[0];
}

/** Stores a queued signal once per (user, dedupe key); the existing id when it was a duplicate. */
export async function insertIntakeSignal(
  db: Db,
  signal: IntakeSignal,
): Promise<{ id: string; duplicate: boolean }> {
  const s = statementsOf(db);
  const [inserted] = await s.insert.execute(signal);
  if (inserted) return { id: inserted.id, duplicate: false };
  const [existing] = await s.existing.execute({
    userId: signal.userId,
    dedupeKey: signal.dedupeKey,
  });
  if (!existing) throw new Error('Signal insert conflicted but no existing signal was found');
  return { id: existing.id, duplicate: true };
}
