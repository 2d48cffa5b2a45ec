import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config';

/**
 * The web server's memory once every page and route handler has been served (this project runs
 * after the journeys and the security sweep, which load all of the build's server chunks).
 * tsx, which runs our TypeScript, turns on Node's source maps for the process; left on, each
 * Next.js chunk's map would be parsed and kept (2026-11-22: 1,564 MB resident here). And ccxt and
 * the AI SDKs, bundled, were copied into every route's server chunk that uses them (ccxt: 19 copies
 * of 5.5 MB; 668 MB resident); they are server external packages now (408–433 MB).
 */
const MAX_RSS_MB = 600;

/** The launcher's web process for this run: `scripts/web-server.ts` with this run's data dir. */
function webServerPid(): number {
  const dataDir = `OSPREY_DATA_DIR=${E2E_DATA_DIR}`;
  const found = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmdline = readFileSync(path.join('/proc', pid, 'cmdline'), 'utf8').split('\0');
        const environ = readFileSync(path.join('/proc', pid, 'environ'), 'utf8').split('\0');
        return (
          cmdline.some((arg) => arg.endsWith('scripts/web-server.ts')) && environ.includes(dataDir)
        );
      } catch {
        return false; // a process that ended, or one we may not read
      }
    });
  expect(found, 'exactly one web server process for this run').toHaveLength(1);
  return Number(found[0]);
}

test('the web server stays small after serving every page', () => {
  const status = readFileSync(`/proc/${webServerPid()}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  expect(rssKb).toBeGreaterThan(0);
  expect(Math.round(rssKb / 1024), 'resident memory in MB').toBeLessThan(MAX_RSS_MB);
});
