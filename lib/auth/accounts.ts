import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
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
 * Creates the first account, as admin. Only while there are no users: concurrent setups are
 * serialised by a transaction-level advisory lock, so exactly one can win.
 */
export async function createFirstAdmin(db: Db, input: NewAccount): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7291002)`);
    if ((await countUsers(tx)) > 0) throw new AppError('setup_done');
    return insertUser(tx, { name: input.name, email: input.email, passwordHash, role: 'admin' });
  });
}

/** Self-registration as a trader, only while an admin has it open. */
export async function registerTrader(db: Db, input: NewAccount): Promise<User> {
  if (!(await getSetting(db, 'registration_open'))) throw new AppError('registration_closed');
  if (await findUserByEmail(db, input.email)) throw new AppError('email_taken');
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertUser(db, { name: input.name, email: input.email, passwordHash, role: 'trader' });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string }; code?: string } | null) ?? {};
  return cause.code === '23505' || cause.cause?.code === '23505';
}
