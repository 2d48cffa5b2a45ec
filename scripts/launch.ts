/**
 * `npm start` / `npm run dev`: the whole system on one machine. Starts an embedded PostgreSQL
 * in `.data/postgres` when DATABASE_URL is unset, applies migrations, builds the web app if
 * needed, then runs the web and worker processes. Ctrl-C or SIGTERM stops web and worker first,
 * then PostgreSQL, so nothing is left running and the data directory stays clean.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { runMigrations } from '../lib/db/migrate';
import { stopStalePostmaster } from '../lib/db/stale-postmaster';
import {
  applyLocalEnv,
  clearRuntime,
  dataDir,
  loadOrCreateSecrets,
  writeRuntime,
} from '../lib/runtime/local-env';
import { buildIfNeeded } from './build-if-needed';

const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[osprey] ${line}`);

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const { secrets, created } = loadOrCreateSecrets();
  // The launcher owns the embedded database: it never reuses a URL an earlier run left behind.
  const generated = applyLocalEnv(process.env, { databaseFromRuntime: false });
  if (generated.length > 0) {
    log(
      `${created ? 'generated' : 'using generated'} ${generated.join(' and ')} from ${path.join(dataDir(), 'secrets.json')}; set them explicitly in production`,
    );
  }

  let embedded: EmbeddedPostgresProcess | undefined;
  if (!process.env.DATABASE_URL) {
    const dir = path.join(dataDir(), 'postgres');
    if (await stopStalePostmaster(dir))
      log('stopped a PostgreSQL left running by an earlier start');
    log(`starting embedded PostgreSQL (data in ${dir})…`);
    embedded = await forkEmbeddedPostgres(dir, secrets.POSTGRES_PASSWORD, 'osprey');
    process.env.DATABASE_URL = embedded.url;
    writeRuntime({ databaseUrl: embedded.url });
    process.on('exit', clearRuntime);
    log(`PostgreSQL ready on 127.0.0.1:${embedded.port}`);
  } else {
    log('using DATABASE_URL');
  }

  await runMigrations(process.env.DATABASE_URL);
  log('migrations applied');
  if (!dev) {
    (process.env as Record<string, string>).NODE_ENV = 'production';
    buildIfNeeded(log);
  }

  const children: ChildProcess[] = [];
  const start = (script: string, args: string[] = []) => {
    const child = fork(script, args, {
      execArgv: ['--import', 'tsx'],
      env: process.env,
      detached: true,
    });
    children.push(child);
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${path.basename(script)} exited (${code ?? signal}); stopping everything`);
        void stop(1);
      }
    });
    return child;
  };

  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map((child) => stopChild(child)));
    if (embedded) {
      await embedded.stop();
      log('PostgreSQL stopped');
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  const web = start('scripts/web-server.ts', dev ? ['--dev'] : []);
  start('worker/index.ts');
  web.on('message', (message: { type?: string; port?: number }) => {
    if (message.type !== 'ready') return;
    log(`Osprey is running: http://localhost:${message.port}`);
    log(
      `data: ${embedded ? path.join(dataDir(), 'postgres') : 'external PostgreSQL (DATABASE_URL)'}; secrets: ${path.join(dataDir(), 'secrets.json')}`,
    );
    log('press Ctrl-C to stop');
  });
}

interface EmbeddedPostgresProcess {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** Starts PostgreSQL in its own process group (see scripts/postgres-process.ts). */
function forkEmbeddedPostgres(
  dir: string,
  password: string,
  database: string,
): Promise<EmbeddedPostgresProcess> {
  const child = fork('scripts/postgres-process.ts', [dir, password, database], {
    execArgv: ['--import', 'tsx'],
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited during start (${code})`)),
    );
    child.once('message', (message: { type: string; url: string; port: number }) => {
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        port: message.port,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send({ type: 'stop' });
          }),
      });
    });
  });
}

function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error('[osprey] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
