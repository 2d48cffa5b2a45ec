import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../lib/db/client';

export interface PgSample {
  /** CPU of the PostgreSQL server: postmaster, live backends and reaped children (ms). */
  cpuMs: number;
  /** Committed transactions in the database (one per autocommit statement). */
  commits: number;
}

const TICK_MS = 10; // Linux USER_HZ = 100

function statFields(pid: number): string[] | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** CPU used so far by the server whose data directory is `dataDir` (Linux /proc). */
function serverCpuMs(dataDir: string): number {
  const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = statFields(pid);
  if (!own) return 0;
  // Fields after the name: [0]=state [1]=ppid … [11]=utime [12]=stime [13]=cutime [14]=cstime.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}

export async function samplePg(db: Db, dataDir: string): Promise<PgSample> {
  const rows = await db.execute<{ commits: string }>(
    sql`select xact_commit::text as commits from pg_stat_database where datname = current_database()`,
  );
  return { cpuMs: serverCpuMs(dataDir), commits: Number(rows[0]?.commits ?? 0) };
}
