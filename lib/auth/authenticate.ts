import type { Db } from '../db/client';
import { countRecentFailures, recordLoginAttempt } from '../db/queries/login-attempts';
import { findUserByEmail } from '../db/queries/users';
import type { User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { dummyPasswordHash, verifyPassword } from './password';

export interface ThrottlePolicy {
  windowMinutes: number;
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
}

/**
 * Checks an email and password. Throttled per account and per client IP by counts kept in
 * PostgreSQL (so limits hold across processes and restarts). An unknown email, a wrong
 * password and a disabled account all get the same answer.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; ip: string },
  policy: ThrottlePolicy,
  now: Date,
): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000);
  const failures = await countRecentFailures(db, { email, ip: input.ip }, since);
  if (failures.account >= policy.maxFailuresPerAccount || failures.ip >= policy.maxFailuresPerIp) {
    throw new AppError(
      'throttled',
      `Too many failed sign-in attempts. Try again in ${policy.windowMinutes} minutes.`,
    );
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  const success = Boolean(user && ok && user.status === 'active');
  await recordLoginAttempt(db, { email, ip: input.ip, success });
  if (!success || !user) throw new AppError('invalid_credentials');
  return user;
}
