import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Local state of a single-machine install, kept in the data directory (`.data/` by default):
 * generated secrets (so a fresh install needs no configuration) and the URL of the embedded
 * PostgreSQL the launcher started (so `npm run worker` finds it).
 */
export function dataDir(): string {
  return path.resolve(process.env.OSPREY_DATA_DIR ?? '.data');
}

interface Secrets {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  POSTGRES_PASSWORD: string;
}

const secretsFile = () => path.join(dataDir(), 'secrets.json');
const runtimeFile = () => path.join(dataDir(), 'runtime.json');

/** Reads the generated secrets, creating them on first start. Returns which were generated now. */
export function loadOrCreateSecrets(): { secrets: Secrets; created: boolean } {
  mkdirSync(dataDir(), { recursive: true });
  if (existsSync(secretsFile())) {
    return { secrets: JSON.parse(readFileSync(secretsFile(), 'utf8')) as Secrets, created: false };
  }
  const secrets: Secrets = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    POSTGRES_PASSWORD: randomBytes(18).toString('base64url'),
  };
  writeFileSync(secretsFile(), JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { secrets, created: true };
}

export function writeRuntime(runtime: { databaseUrl: string }): void {
  writeFileSync(runtimeFile(), JSON.stringify(runtime), { mode: 0o600 });
}

export function clearRuntime(): void {
  rmSync(runtimeFile(), { force: true });
}

function readRuntime(): { databaseUrl?: string } {
  if (!existsSync(runtimeFile())) return {};
  return JSON.parse(readFileSync(runtimeFile(), 'utf8')) as { databaseUrl?: string };
}

/**
 * Fills unset variables from `.env` and the data directory: generated secrets and the embedded database
 * URL. Explicit environment always wins. Returns the names that came from generated secrets.
 */
export function applyLocalEnv(
  env: NodeJS.ProcessEnv = process.env,
  options: { databaseFromRuntime?: boolean } = {},
): string[] {
  // `.env` in the working directory, for processes Next.js does not start (launcher, worker).
  // Variables already set win; loadEnvFile never overrides them.
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  const fromFile: string[] = [];
  const { secrets } = loadOrCreateSecrets();
  for (const key of ['AUTH_SECRET', 'ENCRYPTION_KEY'] as const) {
    if (!env[key]) {
      env[key] = secrets[key];
      fromFile.push(key);
    }
  }
  if (!env.DATABASE_URL && options.databaseFromRuntime !== false) {
    const runtime = readRuntime();
    if (runtime.databaseUrl) env.DATABASE_URL = runtime.databaseUrl;
  }
  return fromFile;
}
