import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

export async function recordLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string; success: boolean },
): Promise<void> {
  await db.insert(loginAttempts).values({ ...attempt, email: attempt.email.toLowerCase() });
}

/**
 * Failed attempts since `since` for this account and for this client IP. Failures before the
 * account's last success are not counted against the account.
 */
export async function countRecentFailures(
  db: Db,
  key: { email: string; ip: string },
  since: Date,
): Promise<{ account: number; ip: number }> {
  const email = key.email.toLowerCase();
  const lastSuccess = sql`coalesce((select max(${loginAttempts.createdAt}) from ${loginAttempts}
    where ${loginAttempts.email} = ${email} and ${loginAttempts.success}), '-infinity'::timestamptz)`;
  const [account, ip] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.email, email),
          eq(loginAttempts.success, false),
          gt(loginAttempts.createdAt, since),
          sql`${loginAttempts.createdAt} > ${lastSuccess}`,
        ),
      ),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.ip, key.ip),
          eq(loginAttempts.success, false),
          gt(loginAttempts.createdAt, since),
        ),
      ),
  ]);
  return { account: account[0]?.n ?? 0, ip: ip[0]?.n ?? 0 };
}
