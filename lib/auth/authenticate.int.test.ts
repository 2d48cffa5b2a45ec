import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { insertUser, updateUser } from '../db/queries/users';
import { AppError } from '../errors/app-error';
import { authenticate } from './authenticate';
import { hashPassword } from './password';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const policy = { windowMinutes: 15, maxFailuresPerAccount: 5, maxFailuresPerIp: 8 };
const now = () => new Date();

beforeAll(async () => {
  t = await createTestDatabase();
  const passwordHash = await hashPassword('correct horse battery');
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

describe('authenticate', () => {
  it('accepts the right password, case-insensitive email', async () => {
    const user = await authenticate(
      t.db,
      { email: 'ANN@example.com', password: 'correct horse battery', ip: '1.1.1.1' },
      policy,
      now(),
    );
    expect(user.email).toBe('ann@example.com');
  });

  it('answers an unknown email, a wrong password and a disabled account identically', async () => {
    const unknown = await codeOf(
      authenticate(
        t.db,
        { email: 'nobody@example.com', password: 'x', ip: '2.2.2.2' },
        policy,
        now(),
      ),
    );
    const wrong = await codeOf(
      authenticate(t.db, { email: 'bob@example.com', password: 'x', ip: '2.2.2.2' }, policy, now()),
    );
    const disabled = await codeOf(
      authenticate(
        t.db,
        { email: 'cy@example.com', password: 'correct horse battery', ip: '2.2.2.2' },
        policy,
        now(),
      ),
    );
    expect(unknown).toBe('invalid_credentials: Invalid email or password.');
    expect(wrong).toBe(unknown);
    expect(disabled).toBe(unknown);
  });

  it('throttles an account after too many failures, even with the right password, from any IP', async () => {
    for (let i = 0; i < policy.maxFailuresPerAccount; i++) {
      await codeOf(
        authenticate(
          t.db,
          { email: 'bob@example.com', password: 'nope', ip: `3.3.3.${i}` },
          policy,
          now(),
        ),
      );
    }
    const result = await codeOf(
      authenticate(
        t.db,
        { email: 'bob@example.com', password: 'correct horse battery', ip: '9.9.9.9' },
        policy,
        now(),
      ),
    );
    expect(result).toMatch(/^throttled: Too many failed sign-in attempts/);
  });

  it('lets the account in again once the window has passed', async () => {
    const later = new Date(Date.now() + 16 * 60_000);
    const user = await authenticate(
      t.db,
      { email: 'bob@example.com', password: 'correct horse battery', ip: '9.9.9.9' },
      policy,
      later,
    );
    expect(user.email).toBe('bob@example.com');
  });

  it('throttles a client IP that tries many accounts', async () => {
    for (let i = 0; i < policy.maxFailuresPerIp; i++) {
      await codeOf(
        authenticate(
          t.db,
          { email: `probe${i}@example.com`, password: 'nope', ip: '4.4.4.4' },
          policy,
          now(),
        ),
      );
    }
    const result = await codeOf(
      authenticate(
        t.db,
        { email: 'ann@example.com', password: 'correct horse battery', ip: '4.4.4.4' },
        policy,
        now(),
      ),
    );
    expect(result).toMatch(/^throttled/);
    const elsewhere = await codeOf(
      authenticate(
        t.db,
        { email: 'ann@example.com', password: 'correct horse battery', ip: '5.5.5.5' },
        policy,
        now(),
      ),
    );
    expect(elsewhere).toBe('ok');
  });

  it('refuses a user disabled after sign-up', async () => {
    const dee = await insertUser(t.db, {
      email: 'dee@example.com',
      name: 'Dee',
      passwordHash: await hashPassword('correct horse battery'),
    });
    await updateUser(t.db, dee.id, { status: 'disabled' });
    expect(
      await codeOf(
        authenticate(
          t.db,
          { email: 'dee@example.com', password: 'correct horse battery', ip: '6.6.6.6' },
          policy,
          now(),
        ),
      ),
    ).toMatch(/^invalid_credentials/);
  });
});
