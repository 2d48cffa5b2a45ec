/** `npm run test:e2e`: Playwright journeys against a fresh system in a throw-away data dir. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium';

ensureChromium();
const dataDir = process.env.E2E_DATA_DIR ?? '.data/e2e';
rmSync(dataDir, { recursive: true, force: true });
const result = spawnSync(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, E2E_DATA_DIR: dataDir },
  },
);
process.exit(result.status ?? 1);
