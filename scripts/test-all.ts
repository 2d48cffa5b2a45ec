/**
 * `npm test`: lint, format, typecheck, unit, integration, end-to-end and the bundle budget, in that
 * order, every step run even when an earlier one fails, then one summary line:
 * `test: N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve('test-results', 'summary');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
  count?: () => { passed: number; failed: number };
}

function vitestCounts(file: string) {
  return () => {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  };
}

function playwrightCounts(file: string) {
  return () => {
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number };
    };
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  };
}

const npx = (bin: string) => path.join('node_modules', '.bin', bin);
const steps: Step[] = [
  { name: 'lint', args: [npx('eslint'), '.', '--max-warnings=0'] },
  { name: 'format', args: [npx('prettier'), '--check', '.', '--log-level=warn'] },
  { name: 'typecheck', args: [npx('tsc'), '--noEmit'] },
  {
    name: 'unit',
    args: [
      npx('vitest'),
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}/unit.json`,
    ],
    count: vitestCounts(`${out}/unit.json`),
  },
  {
    name: 'integration',
    args: [
      npx('vitest'),
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}/integration.json`,
    ],
    count: vitestCounts(`${out}/integration.json`),
  },
  {
    name: 'e2e',
    args: [npx('tsx'), 'scripts/e2e.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json` },
    count: playwrightCounts(`${out}/e2e.json`),
  },
  // After e2e, which built the production app: first-load JS per route and its budget.
  {
    name: 'bundle',
    args: [npx('tsx'), 'scripts/js-size-report.ts', '--json', `${out}/bundle.json`],
  },
];

const results: {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  seconds: number;
  /** Whether the step reports tests (else it counts as one check). */
  counted: boolean;
}[] = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const run = spawnSync(step.args[0]!, step.args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  let ok = run.status === 0;
  let counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  if (step.count) {
    try {
      counts = step.count();
      if (!ok && counts.failed === 0) counts.failed = 1;
      // A runner that exits 0 with failed tests still fails the step.
      if (counts.failed > 0) ok = false;
    } catch {
      // No report: the runner itself failed before running tests.
    }
  }
  results.push({
    name: step.name,
    ok,
    ...counts,
    seconds: Math.round((Date.now() - started) / 1000),
    counted: step.count !== undefined,
  });
}

console.log('\n━━ summary ━━');
for (const r of results) {
  const detail = r.counted ? ` (${r.passed} passed, ${r.failed} failed)` : '';
  console.log(
    `${r.ok ? '✓' : '✗'} ${r.name.padEnd(12)} ${String(r.seconds).padStart(4)} s${detail}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`test: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && existsSync(out) ? 0 : 1);
