import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ensurePaperAccount } from '../db/queries/paper';
import { getSetting } from '../db/queries/settings';
import { countUsers, findUserByEmail, insertUser } from '../db/queries/users';
import type { User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { hashPassword } from './password';

interface NewAccount {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates the first account, as admin, with its paper account (every user has one). Only while there are no users: concurrent setups are
 * serialised by a transaction-level advisory lock, so exactly one can win.
 */
export async function createFirstAdmin(db: Db, input: NewAccount): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7291002)`);
    if ((await countUsers(tx)) > 0) throw new AppError('setup_done');
    const user = await insertUser(tx, {
      name: input.name,
      email: input.email,
      passwordHash,
      role: 'admin',
    });
    await ensurePaperAccount(tx, user.id);
    return user;
  });
}

/** Self-registration as a trader, only while an admin has it open. */
export async function registerTrader(db: Db, input: NewAccount): Promise<User> {
  if (!(await getSetting(db, 'registration_open'))) throw new AppError('registration_closed');
  if (await findUserByEmail(db, input.email)) throw new AppError('email_taken');
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        name: input.name,
        email: input.email,
        passwordHash,
        role: 'trader',
      });
      await ensurePaperAccount(tx, user.id);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string }; code?: string } | null) ?? {};
  return cause.code === '23505' || cause.cause?.code === '23505';
}
