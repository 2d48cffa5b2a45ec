import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Two projects: `unit` (pure, fast, next to the code) and `integration`
 * (`*.int.test.ts`, a real PostgreSQL started once per run by the global setup).
 */
export default defineConfig({
  resolve: { alias: { '@': root } },
  test: {
    // The fake LLM listens on loopback; the SSRF guard must let tests reach it.
    env: { AI_BASE_URL_ALLOWLIST: '127.0.0.1,localhost,[::1]' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,worker,app,components,scripts,test,bench}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Property tests run thousands of cases; a loaded CI machine must not time them out.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,worker,app,components,scripts,test}/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['test/db/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
