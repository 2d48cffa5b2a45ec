import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import { findUserById } from '../db/queries/users';
import { users, type User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { logSystem } from '../log/system-log';

/** A readable random password: 4 groups of 4 characters from an unambiguous alphabet (~80 bits). */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * Sets a new random password for another user and returns it once, for the admin to hand over.
 * The password itself is never logged or stored in clear.
 */
export async function resetUserPassword(
  db: Db,
  actor: User,
  userId: string,
): Promise<{ email: string; password: string }> {
  if (userId === actor.id)
    throw new AppError('unprocessable', 'Change your own password in Settings.');
  const target = await findUserById(db, userId);
  if (!target) throw new AppError('not_found', 'No such user.');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} reset the password of ${target.email}`,
  });
  return { email: target.email, password };
}
