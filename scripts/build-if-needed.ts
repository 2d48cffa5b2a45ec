import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the production build depends on; a change to any of these means a new build. */
const inputs = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.mjs',
  'tailwind.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const stampFile = path.join('.next', 'osprey-source-hash');

function hashInputs(): string {
  const hash = createHash('sha256');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const entry of readdirSync(p).sort()) {
        if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
        visit(path.join(p, entry));
      }
    } else {
      hash.update(p).update(readFileSync(p));
    }
  };
  inputs.forEach(visit);
  return hash.digest('hex');
}

/** Runs `next build` unless `.next` already holds a build of exactly these sources. */
export function buildIfNeeded(log: (line: string) => void): void {
  const current = hashInputs();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) {
    log('web build is current');
    return;
  }
  log('building the web app (first start or sources changed)…');
  const result = spawnSync(
    process.execPath,
    [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (result.status !== 0)
    throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  writeFileSync(stampFile, current);
}
