import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../../lib/db/client';

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<
  DbHandle & { url: string; drop: () => Promise<void> }
> {
  const server = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(`${server}/postgres`, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}" template osprey_template`);
  const url = `${server}/${name}`;
  const handle = createDb(url, { max: 5 });
  return {
    ...handle,
    url,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
