import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../lib/db/embedded';
import { createTestDatabase } from '../test/db/test-database';
import { WORKER_SESSION_NAME } from './priority';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A thread's nice value, from /proc/<pid>/task/<tid>/stat (field 19; the name may hold spaces). */
function threadNice(pid: number, tid: string): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let worker: ChildProcess;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'osprey-priority-'));
  // The production entry, as `npm start` runs it.
  worker = spawn(process.execPath, ['--import', 'tsx', 'worker/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.url,
      OSPREY_DATA_DIR: dataDir,
      AUTH_SECRET: randomBytes(24).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      WORKER_PORT: String(await freePort()),
      MARKET_DATA_MODE: 'simulated',
      WORKER_NICE: '6',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
});
afterAll(async () => {
  if (worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await t.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The worker's sessions and their backends' nice values (once it has opened some). */
async function workerSessions(): Promise<{ pid: number; nice: number }[]> {
  const rows = await t.sql<{ pid: number }[]>`
    select pid from pg_stat_activity where application_name = ${WORKER_SESSION_NAME}`;
  return rows.map(({ pid }) => ({ pid, nice: getPriority(pid) }));
}

describe('the worker at a lower CPU priority (WORKER_NICE)', () => {
  it('runs every thread of the worker and its database sessions at WORKER_NICE, and nothing else', async () => {
    await expect
      .poll(workerSessions, { timeout: 30_000, interval: 250 })
      .toSatisfy((s: { nice: number }[]) => s.length > 0 && s.every((x) => x.nice === 6));
    const threads = readdirSync(`/proc/${worker.pid}/task`);
    expect(threads.length).toBeGreaterThan(1);
    expect(threads.map((tid) => threadNice(worker.pid!, tid))).toEqual(threads.map(() => 6));

    // This test's own sessions (another application_name) and process keep their priority.
    const [own] = await t.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    expect(getPriority(own!.pid)).toBe(0);
    expect(getPriority(process.pid)).toBe(0);
  });
});
