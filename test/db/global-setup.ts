import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/db/embedded';
import { runMigrations } from '../../lib/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the test server, without a database name. */
    pgServerUrl: string;
  }
}

export const TEMPLATE_DB = 'osprey_template';

/**
 * Starts one real PostgreSQL for the whole integration run, migrates a template database, and
 * tears everything down afterwards. Each test file clones the template (fast, isolated).
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'osprey-test-pg-'));
  const server = await startEmbeddedPostgres({ dir, password: 'test', database: TEMPLATE_DB });
  await runMigrations(server.url);
  // Close every connection to the template so it can be cloned.
  const admin = postgres(server.url.replace(`/${TEMPLATE_DB}`, '/postgres'), {
    max: 1,
    onnotice: () => undefined,
  });
  await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${TEMPLATE_DB} and pid <> pg_backend_pid()`;
  await admin.end();
  project.provide('pgServerUrl', server.url.slice(0, server.url.lastIndexOf('/')));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
