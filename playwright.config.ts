import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the production build, started by the real launcher (embedded
 * PostgreSQL in a throw-away data dir, web and worker), in Debian's Chromium.
 * `npm run test:e2e` (scripts/e2e.ts) prepares the data dir and Chromium, then runs this.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.data/e2e';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'journeys', testMatch: /journey.*\.spec\.ts/ },
    { name: 'security', testMatch: /security.*\.spec\.ts/, dependencies: ['journeys'] },
    // The key pages at tablet width, on the data the journeys left behind.
    {
      name: 'tablet',
      testMatch: /tablet.*\.spec\.ts/,
      dependencies: ['journeys'],
      use: { viewport: { width: 768, height: 1024 } },
    },
    // The web server itself: its memory once everything above has loaded the build's server
    // chunks, and its connection handling.
    { name: 'server', testMatch: /server-.*\.spec\.ts/, dependencies: ['security', 'tablet'] },
    // Throttling blocks the test client's IP, so it runs after everything else.
    {
      name: 'throttle',
      testMatch: /throttle.*\.spec\.ts/,
      dependencies: ['security', 'tablet', 'server'],
    },
  ],
  webServer: {
    command: 'node --import tsx scripts/launch.ts',
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: String(E2E_PORT),
      OSPREY_DATA_DIR: E2E_DATA_DIR,
      DATABASE_URL: '',
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '10',
      LOGIN_MAX_FAILURES_PER_IP: '20',
      // The AI journeys point the provider at the loopback fake LLM (test/fake-llm).
      AI_BASE_URL_ALLOWLIST: '127.0.0.1',
    },
  },
});
