import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { insertUser, updateUser } from '../db/queries/users';
import { AppError } from '../errors/app-error';
import { authenticate } from './authenticate';
import { hashPassword } from './password';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const policy = { windowMinutes: 15, maxFailuresPerAccount: 5, maxFailuresPerIp: 8 };
const now = () => new Date();

const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  await insertUser(t.db, { email: 'ann@example.com', name: 'Ann', passwordHash });
  await insertUser(t.db, { email: 'bob@example.com', name: 'Bob', passwordHash });
  await insertUser(t.db, { email: 'cy@example.com', name: 'Cy', passwordHash, status: 'disabled' });
});
afterAll(() => t.drop());

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
}

/** A sign-in attempt under `policy`: 'ok', or the error's `code: message`. */
const attempt = (email: string, password: string, ip: string, at = now()) =>
  codeOf(authenticate(t.db, { email, password, ip }, policy, at));

describe('authenticate', () => {
  it('accepts the right password, case-insensitive email', async () => {
    const user = await authenticate(
      t.db,
      { email: 'ANN@example.com', password: PASSWORD, ip: '1.1.1.1' },
      policy,
      now(),
    );
    expect(user.email).toBe('ann@example.com');
  });

  it('answers an unknown email, a wrong password and a disabled account identically', async () => {
    const unknown = await attempt('nobody@example.com', 'x', '2.2.2.2');
    const wrong = await attempt('bob@example.com', 'x', '2.2.2.2');
    const disabled = await attempt('cy@example.com', PASSWORD, '2.2.2.2');
    expect(unknown).toBe('invalid_credentials: Invalid email or password.');
    expect(wrong).toBe(unknown);
    expect(disabled).toBe(unknown);
  });

  it('throttles an account after too many failures, even with the right password, from any IP', async () => {
    for (let i = 0; i < policy.maxFailuresPerAccount; i++) {
      await attempt('bob@example.com', 'nope', `3.3.3.${i}`);
    }
    const result = await attempt('bob@example.com', PASSWORD, '9.9.9.9');
    expect(result).toMatch(/^throttled: Too many failed sign-in attempts/);
  });

  it('lets the account in again once the window has passed', async () => {
    const later = new Date(Date.now() + 16 * 60_000);
    const user = await authenticate(
      t.db,
      { email: 'bob@example.com', password: PASSWORD, ip: '9.9.9.9' },
      policy,
      later,
    );
    expect(user.email).toBe('bob@example.com');
  });

  it('throttles a client IP that tries many accounts', async () => {
    for (let i = 0; i < policy.maxFailuresPerIp; i++) {
      await attempt(`probe${i}@example.com`, 'nope', '4.4.4.4');
    }
    const result = await attempt('ann@example.com', PASSWORD, '4.4.4.4');
    expect(result).toMatch(/^throttled/);
    const elsewhere = await attempt('ann@example.com', PASSWORD, '5.5.5.5');
    expect(elsewhere).toBe('ok');
  });

  it('refuses a user disabled after sign-up', async () => {
    const dee = await insertUser(t.db, {
      email: 'dee@example.com',
      name: 'Dee',
      passwordHash: await hashPassword(PASSWORD),
    });
    await updateUser(t.db, dee.id, { status: 'disabled' });
    expect(await attempt('dee@example.com', PASSWORD, '6.6.6.6')).toMatch(/^invalid_credentials/);
  });
});
