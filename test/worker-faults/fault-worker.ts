/**
 * The worker as a child process for the fault tests and the cycle benchmark: the production use
 * cases and jobs (`executeSignal`, `startJobs`), wired to a given database, a loopback fake
 * Binance (`FAKE_BINANCE_URL`) and the simulated market. Only the wiring differs from
 * `worker/index.ts`. `OSPREY_CRASH_AT` makes it SIGKILL itself at that step of the order path.
 *
 *   tsx test/worker-faults/fault-worker.ts signal <signalId>   # one signal, then exit
 *   tsx test/worker-faults/fault-worker.ts reconcile           # reconcile + one monitor pass
 *   tsx test/worker-faults/fault-worker.ts jobs                # every job until SIGTERM
 *   tsx test/worker-faults/fault-worker.ts cycles   # bot cycles only (WORKER_CYCLE_LANES, CYCLE_BATCH)
 *
 * Env: the worker's config (`lib/config.ts`: DATABASE_URL, ENCRYPTION_KEY, AUTH_SECRET,
 * EXIT_MONITOR_INTERVAL_MS…), FAKE_BINANCE_URL (optional), WORKER_ID (optional). Prints `{"ready":<cpuUsage>}` once the jobs run and
 * `{"cpu":<cpuUsage>}` on a clean exit, one JSON line each on stdout.
 */
import { getConfig } from '../../lib/config';
import { createDb } from '../../lib/db/client';
import { findExchangeAccountById } from '../../lib/db/queries/exchange-accounts';
import { keyRingFromHex } from '../../lib/crypto/secret-box';
import { closePublisher, publish } from '../../lib/realtime/emitter';
import type { TradingDeps } from '../../lib/trading/deps';
import { createExchangeRegistry } from '../../lib/trading/exchange-registry';
import { executeSignal } from '../../lib/trading/execute-signal';
import { monitorExits } from '../../lib/trading/monitor-exits';
import { reconcileAccount } from '../../lib/trading/reconcile';
import { startJobs } from '../../worker/jobs';
import { CYCLE_BATCH, runDueBotCycles } from '../../worker/jobs/bot-cycles';
import { startLoop } from '../../worker/jobs/loop';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const handle = createDb(env('DATABASE_URL'), { max: 10 });
const registry = createExchangeRegistry({
  db: handle.db,
  keyRing: keyRingFromHex(env('ENCRYPTION_KEY')),
  marketDataMode: 'simulated',
  seed: 'fault-tests',
  urlsOverride: process.env.FAKE_BINANCE_URL,
});
const deps: TradingDeps = {
  db: handle.db,
  exchangeFor: (account) => registry.exchangeFor(account),
  now: () => new Date(),
  notify: async (event) => {
    // As in production (lib/trading/runtime.ts): best effort, never fails a trade.
    await publish(event.type, event.payload as never, { userId: event.userId } as never);
  },
};
const workerId = process.env.WORKER_ID ?? `fault-worker-${process.pid}`;

function reportAndExit(code: number): never {
  process.stdout.write(`${JSON.stringify({ cpu: process.cpuUsage(), workerId })}\n`);
  process.exit(code);
}

async function reconcileAll(accountId: string): Promise<void> {
  const account = await findExchangeAccountById(handle.db, accountId);
  if (!account) throw new Error(`no account ${accountId}`);
  const exchange = await deps.exchangeFor(account);
  await reconcileAccount(deps, account, exchange);
  await monitorExits(deps, account, exchange);
}

const [mode, arg] = process.argv.slice(2);
if (mode === 'signal' && arg) {
  const outcome = await executeSignal(deps, arg);
  process.stderr.write(`${JSON.stringify(outcome)}\n`);
  await handle.close();
  reportAndExit(0);
} else if (mode === 'reconcile' && arg) {
  await reconcileAll(arg);
  await handle.close();
  reportAndExit(0);
} else if (mode === 'jobs' || mode === 'cycles') {
  // `cycles`: only the bot-cycle loop (a benchmark experiment); lanes as `jobs` (config).
  const concurrency = getConfig().WORKER_CYCLE_LANES;
  const batch = Number(process.env.CYCLE_BATCH ?? CYCLE_BATCH);
  const onError = (name: string, error: unknown) =>
    process.stderr.write(`[${name}] ${String(error)}\n`);
  const jobs =
    mode === 'jobs'
      ? startJobs(deps, workerId, getConfig())
      : startLoop(
          'bot-cycles',
          1000,
          async () => void (await runDueBotCycles(deps, workerId, { batch, concurrency })),
          onError,
        );
  process.stdout.write(`${JSON.stringify({ ready: process.cpuUsage(), workerId })}\n`);
  process.on('SIGTERM', () => {
    void jobs
      .stop()
      .then(() => closePublisher())
      .then(() => handle.close())
      .finally(() => reportAndExit(0));
  });
} else {
  process.stderr.write('usage: fault-worker.ts signal <id> | reconcile <accountId> | jobs\n');
  process.exit(2);
}
