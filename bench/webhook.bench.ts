/**
 * Webhook intake benchmark (`npm run bench:webhook`). Not a test: prints figures for BENCHMARKS.md.
 *
 * The production build (web server + one worker, `NODE_ENV=production`) on a private embedded
 * PostgreSQL with 50 paper traders, one webhook token each. An open-loop load generator on
 * loopback sends BENCH_RATE alerts/s (500) for BENCH_SECONDS (30), round-robin over the 50
 * tokens: first to a bare `node:http` handler doing the same parse + token lookup + insert
 * (bench/webhook-bare.ts, the floor), then to Osprey's `/api/webhooks/tradingview/<token>`.
 * Reports p50/p99 acknowledgement latency, errors, and whether every accepted signal was
 * executed exactly once within 60 s after the load ended.
 *
 * On a shared machine run it under the build lock (it may build, and it serves from `.next`):
 * `flock /tmp/osprey-build.lock npx tsx bench/webhook.bench.ts`, or point BENCH_APP_DIR at a
 * private copy of a finished build (see below). Env: BENCH_RATE (500), BENCH_SECONDS (30).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createDb } from '../lib/db/client';
import { freePort, startEmbeddedPostgres } from '../lib/db/embedded';
import { runMigrations } from '../lib/db/migrate';
import { ensurePaperAccount } from '../lib/db/queries/paper';
import { insertUser } from '../lib/db/queries/users';
import { createWebhookToken } from '../lib/signals/webhook-tokens';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { percentile, runLoad, slowPerSecond, type LoadResult } from './webhook-load';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TOKENS = 50;
const EXECUTE_WINDOW_MS = 60_000;
const log = (line: string) => console.error(`[bench] ${line}`);

function start(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): { child: ChildProcess; ready: Promise<number> } {
  const child = fork(path.resolve(script), [], {
    cwd,
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<number>((resolve, reject) => {
    child.on(
      'message',
      (m: { type?: string; port?: number }) => m.type === 'ready' && resolve(m.port ?? 0),
    );
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  ready.catch(() => undefined); // the worker never reports ready; its exit at the end is expected
  return { child, ready };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'osprey-bench-webhook-'));
  const pgDir = mkdtempSync(path.join(tmpdir(), 'osprey-bench-webhook-pg-'));
  const server = await startEmbeddedPostgres({
    dir: pgDir,
    password: 'bench',
    database: 'osprey_bench',
  });
  const handle = createDb(server.url, { max: 4 });
  const children: ChildProcess[] = [];
  try {
    await runMigrations(server.url);
    const tokens: string[] = [];
    for (let i = 0; i < TOKENS; i += 1) {
      const user = await insertUser(handle.db, {
        email: `bench-${i}-${randomUUID()}@example.com`,
        name: `Bench ${i}`,
        passwordHash: 'x',
      });
      await ensurePaperAccount(handle.db, user.id, { startingBalance: '1000000' });
      tokens.push((await createWebhookToken(handle.db, user.id, { label: 'bench' })).token);
    }
    // BENCH_APP_DIR: a private copy of a production build (its `.next`, with node_modules and the
    // config linked), so a rebuild of the shared `.next` by someone else cannot disturb the run.
    const appDir = process.env.BENCH_APP_DIR;
    if (!appDir) buildIfNeeded(log);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: server.url,
      OSPREY_DATA_DIR: dir,
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PORT: String(await freePort()),
      WORKER_PORT: String(await freePort()),
      MARKET_DATA_MODE: 'simulated',
      LOG_LEVEL: 'warn',
    };
    const bare = start('bench/webhook-bare.ts', env);
    const directServer = start('bench/webhook-direct.ts', env);
    const web = start('scripts/web-server.ts', env, appDir ?? process.cwd());
    const worker = start('worker/index.ts', env);
    children.push(bare.child, directServer.child, web.child, worker.child);
    const barePort = await bare.ready;
    const directPort = await directServer.ready;
    await web.ready;
    const webPort = Number(env.PORT);
    const body = (prefix: string) => (i: number) =>
      JSON.stringify({
        ticker: 'BINANCE:BTCUSDT',
        action: 'buy',
        quote_amount: '50',
        alert_id: `${prefix}-${i}`,
        strategy: 'bench',
        time: new Date().toISOString(),
      });
    const tokenPath = (base: string) => (i: number) => `${base}${tokens[i % TOKENS]}`;

    log('warming up both servers (3 s at 100/s each; not counted)…');
    await runLoad({
      port: barePort,
      rate: 100,
      seconds: 3,
      path: tokenPath('/bare/'),
      body: body('warm-bare'),
    });
    await runLoad({
      port: directPort,
      rate: 100,
      seconds: 3,
      path: tokenPath('/api/webhooks/tradingview/'),
      body: body('warm-direct'),
    });
    const warm = await runLoad({
      port: webPort,
      rate: 100,
      seconds: 3,
      path: tokenPath('/api/webhooks/tradingview/'),
      body: body('warm'),
    });
    log(`warm-up statuses ${JSON.stringify(warm.statuses)}`);
    await retire(handle, 'warm');

    const loadBefore = loadavg()[0]!;
    log(`bare node:http: ${RATE}/s for ${SECONDS} s…`);
    const floor = await runLoad({
      port: barePort,
      rate: RATE,
      seconds: SECONDS,
      path: tokenPath('/bare/'),
      body: body('bare'),
    });
    await retire(handle, 'bare-');
    log(`Osprey intake on node:http: ${RATE}/s for ${SECONDS} s…`);
    const direct = await runLoad({
      port: directPort,
      rate: RATE,
      seconds: SECONDS,
      path: tokenPath('/api/webhooks/tradingview/'),
      body: body('direct'),
    });
    await retire(handle, 'direct-');
    log(`Osprey web server (production path): ${RATE}/s for ${SECONDS} s…`);
    const osprey = await runLoad({
      port: webPort,
      rate: RATE,
      seconds: SECONDS,
      path: tokenPath('/api/webhooks/tradingview/'),
      body: body('osprey'),
    });
    const loadEnded = Date.now();
    const execution = await waitForExecution(handle, osprey, loadEnded);
    const loadAfter = loadavg()[0]!;
    report(floor, direct, osprey, execution, { loadBefore, loadAfter });
  } finally {
    await Promise.all(children.map(stop));
    await handle.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(pgDir, { recursive: true, force: true });
  }
}

interface Execution {
  decided: number;
  pending: number;
  drainedAfterMs: number | null;
  decidedAtLoadEnd: number;
  windowEndedAfterMs: number;
  multipleEntries: number;
  byStatus: Record<string, number>;
  /** The most common decision reasons, with their counts. */
  reasons: { reason: string; n: number }[];
  stored: number;
}

/** Polls until every accepted signal has a decision (or the window ends); checks exactly-once. */
async function waitForExecution(
  handle: ReturnType<typeof createDb>,
  osprey: LoadResult,
  loadEnded: number,
): Promise<Execution> {
  let drainedAfterMs: number | null = null;
  const [atEnd] = await handle.sql<
    { n: number }[]
  >`select count(*)::int as n from signals where status not in ('queued', 'executing') and payload->>'alert_id' like 'osprey-%'`;
  while (Date.now() - loadEnded < EXECUTE_WINDOW_MS) {
    const [row] = await handle.sql<
      { pending: number }[]
    >`select count(*)::int as pending from signals where status in ('queued', 'executing') and payload->>'alert_id' like 'osprey-%'`;
    if (row?.pending === 0) {
      drainedAfterMs = Date.now() - loadEnded;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const statuses = await handle.sql<
    { status: string; n: number }[]
  >`select status::text, count(*)::int as n from signals where payload->>'alert_id' like 'osprey-%' group by status`;
  const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
  const [dupes] = await handle.sql<
    { n: number }[]
  >`select count(*)::int as n from (select signal_id from orders where role = 'entry' group by signal_id having count(*) > 1) d`;
  const reasons = await handle.sql<{ reason: string; n: number }[]>`
    select coalesce(reason, '(none)') as reason, count(*)::int as n from signals
    where payload->>'alert_id' like 'osprey-%' group by 1 order by 2 desc limit 3`;
  const stored = statuses.reduce((sum, s) => sum + s.n, 0);
  const pending = (byStatus.queued ?? 0) + (byStatus.executing ?? 0);
  return {
    decided: stored - pending,
    pending,
    drainedAfterMs,
    decidedAtLoadEnd: atEnd?.n ?? 0,
    windowEndedAfterMs: Date.now() - loadEnded,
    multipleEntries: dupes?.n ?? 0,
    byStatus,
    reasons: [...reasons],
    stored,
  };
}

/**
 * Ends a comparison phase: its signals still queued are marked rejected (the worker executed
 * what it could while the phase ran, as it does in production; the rest is not this benchmark's
 * subject), then the ones being executed are let finish, so every phase starts with an empty
 * queue and the production phase's signals are not stuck behind the comparison phases'.
 */
async function retire(handle: ReturnType<typeof createDb>, alertPrefix: string): Promise<void> {
  const rows =
    await handle.sql`update signals set status = 'rejected', reason = 'benchmark comparison phase: not executed', decided_at = now()
    where status = 'queued' and payload->>'alert_id' like ${`${alertPrefix}%`} returning id`;
  log(`retired ${rows.length} queued ${alertPrefix}* signals`);
  await waitForQueue(handle);
  await new Promise((resolve) => setTimeout(resolve, 3000));
}

/** Lets the worker finish the signals it is executing. */
async function waitForQueue(handle: ReturnType<typeof createDb>): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    const [row] = await handle.sql<
      { n: number }[]
    >`select count(*)::int as n from signals where status in ('queued', 'executing')`;
    if (row?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function report(
  floor: LoadResult,
  direct: LoadResult,
  osprey: LoadResult,
  execution: Execution,
  load: { loadBefore: number; loadAfter: number },
): void {
  const row = (name: string, r: LoadResult) =>
    `| ${name} | ${r.sent} | ${r.ok} | ${r.errors} | ${percentile(r.latencies, 50).toFixed(1)} | ${percentile(r.latencies, 99).toFixed(1)} | ${Math.max(...r.latencies).toFixed(0)} |`;
  const cpu = cpus();
  console.log(
    `\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, Node ${process.version}, 1-min load ${load.loadBefore.toFixed(2)} before / ${load.loadAfter.toFixed(2)} after, ${new Date().toISOString()}`,
  );
  console.log(`${RATE} alerts/s for ${SECONDS} s over ${TOKENS} tokens, loopback, keep-alive\n`);
  console.log('| target | sent | 202 | errors | p50 ms | p99 ms | max ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  console.log(row('bare node:http (parse + lookup + insert)', floor));
  console.log(row('Osprey intake (`serveWebhook`) on bare node:http', direct));
  console.log(row('Osprey web server (`npm start` path, production build)', osprey));
  console.log(
    `\np50 ratio Osprey / bare: ${(percentile(osprey.latencies, 50) / percentile(floor.latencies, 50)).toFixed(2)}×, p99 ratio: ${(percentile(osprey.latencies, 99) / percentile(floor.latencies, 99)).toFixed(2)}×; direct / bare p50 ${(percentile(direct.latencies, 50) / percentile(floor.latencies, 50)).toFixed(2)}×, p99 ${(percentile(direct.latencies, 99) / percentile(floor.latencies, 99)).toFixed(2)}×`,
  );
  console.log(
    `Statuses: web server ${JSON.stringify(osprey.statuses)}; Osprey intake on node:http ${JSON.stringify(direct.statuses)}; bare ${JSON.stringify(floor.statuses)}`,
  );
  for (const [name, r] of [
    ['bare', floor],
    ['direct', direct],
    ['web server', osprey],
  ] as const) {
    console.log(
      `Answers over 25 ms per second of the run, ${name}: ${slowPerSecond(r, 25).join(' ')} (connections opened: ${r.connections.total}, ${r.connections.firstSecond} in the first second)`,
    );
    const fromSend = r.latencies.map((latency, i) => latency - (r.sendLags[i] ?? 0));
    console.log(
      `Generator's own lag, ${name}: p50 ${percentile(r.sendLags, 50).toFixed(1)} / p99 ${percentile(r.sendLags, 99).toFixed(1)} / max ${Math.max(...r.sendLags).toFixed(0)} ms; latency from the actual send (as autocannon counts it): p50 ${percentile(fromSend, 50).toFixed(1)} / p99 ${percentile(fromSend, 99).toFixed(1)} ms`,
    );
  }
  console.log(
    `Accepted signals stored: ${execution.stored} (202s: ${osprey.ok}); decided within ${EXECUTE_WINDOW_MS / 1000} s: ${execution.decided}, still pending: ${execution.pending}; all decided after ${execution.drainedAfterMs === null ? 'n/a (window ended)' : `${(execution.drainedAfterMs / 1000).toFixed(1)} s`}`,
  );
  console.log(
    `Worker: ${execution.decidedAtLoadEnd} decided while the load ran (${(execution.decidedAtLoadEnd / SECONDS).toFixed(0)}/s), ${execution.decided - execution.decidedAtLoadEnd} in the ${(execution.windowEndedAfterMs / 1000).toFixed(1)} s after (${((execution.decided - execution.decidedAtLoadEnd) / (execution.windowEndedAfterMs / 1000)).toFixed(0)}/s)`,
  );
  console.log(
    `Decisions: ${JSON.stringify(execution.byStatus)}; signals with more than one entry order: ${execution.multipleEntries}`,
  );
  for (const { reason, n } of execution.reasons) console.log(`  ${n} × ${reason}`);
}

await main();
