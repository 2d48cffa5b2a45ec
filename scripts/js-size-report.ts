/**
 * `npm run size`: first-load JavaScript per page route of the production build, gzipped, and the
 * budget check (the dashboard must stay under 300 kB gzipped, issue 9). Builds first when the
 * sources changed (same check as the launcher).
 *
 * What a route loads on first visit, from what Next 16 writes into `.next`:
 * - `build-manifest.json` `rootMainFiles`: the runtime every app route loads;
 * - `server/app/<route>/page_client-reference-manifest.js` `entryJSFiles`: the chunks of each
 *   layout and of the page itself (the union is what the browser fetches for that route).
 * Legacy `polyfillFiles` load only in browsers without ES modules and are left out. Sizes are
 * gzip at zlib's default level, as `next start` compresses them; 1 kB = 1000 bytes.
 *
 * Options: `--json <file>` also writes the figures as JSON; `--no-build` reads `.next` as it is.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { buildIfNeeded } from './build-if-needed';

/** Routes with a gzipped first-load budget, in kB. */
const BUDGETS: Record<string, number> = { '/dashboard': 300 };

const NEXT = '.next';
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

interface RouteSize {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  budgetKb: number | null;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(NEXT, file), 'utf8')) as T;
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let size = gzipCache.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(NEXT, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes).length };
    gzipCache.set(file, size);
  }
  return size;
}

/** The chunks every layout and the page of one app route load, from its client reference manifest. */
function entryFiles(entry: string): string[] {
  const file = path.join(NEXT, 'server', 'app', `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) return [];
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, unknown> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[entry] as
    { entryJSFiles?: Record<string, string[]> } | undefined;
  return Object.values(manifest?.entryJSFiles ?? {}).flat();
}

function measureRoutes(): RouteSize[] {
  const build = readJson<{ rootMainFiles: string[] }>('build-manifest.json');
  const routes = readJson<Record<string, string>>('app-path-routes-manifest.json');
  const out: RouteSize[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith('/page') || route.startsWith('/_')) continue;
    const files = new Set(
      [...build.rootMainFiles, ...entryFiles(entry)]
        .map((f) => f.replace(/^\/?_next\//, '').replace(/^\//, ''))
        .filter((f) => f.endsWith('.js')),
    );
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const f of files) {
      const size = sizeOf(f);
      rawBytes += size.raw;
      gzipBytes += size.gzip;
    }
    out.push({ route, files: files.size, rawBytes, gzipBytes, budgetKb: BUDGETS[route] ?? null });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function main(): number {
  if (!args.includes('--no-build')) buildIfNeeded((line) => console.log(`[size] ${line}`));
  if (!existsSync(path.join(NEXT, 'build-manifest.json'))) {
    console.error('[size] no production build in .next: run `npm run build` first.');
    return 1;
  }
  const sizes = measureRoutes();
  const shared = readJson<{ rootMainFiles: string[] }>('build-manifest.json').rootMainFiles;
  const sharedGzip = shared.reduce((n, f) => n + sizeOf(f).gzip, 0);
  console.log(`First-load JS per route (gzip; shared runtime ${kb(sharedGzip)} kB in every route)`);
  console.log(
    `${'route'.padEnd(26)} ${'files'.padStart(5)} ${'raw kB'.padStart(8)} ${'gzip kB'.padStart(8)}  budget`,
  );
  const over: string[] = [];
  for (const s of sizes) {
    const budget = s.budgetKb === null ? '' : `≤ ${s.budgetKb} kB`;
    const overBudget = s.budgetKb !== null && s.gzipBytes > s.budgetKb * 1000;
    if (overBudget) over.push(`${s.route}: ${kb(s.gzipBytes)} kB > ${s.budgetKb} kB`);
    console.log(
      `${s.route.padEnd(26)} ${String(s.files).padStart(5)} ${kb(s.rawBytes).padStart(8)} ${kb(s.gzipBytes).padStart(8)}  ${budget}${overBudget ? ' OVER' : ''}`,
    );
  }
  const missing = Object.keys(BUDGETS).filter((r) => !sizes.some((s) => s.route === r));
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ sharedGzip, routes: sizes }, null, 2));
  if (missing.length > 0) {
    console.error(`[size] budgeted routes missing from the build: ${missing.join(', ')}`);
    return 1;
  }
  if (over.length > 0) {
    console.error(`[size] over budget: ${over.join('; ')}`);
    return 1;
  }
  console.log('[size] every budget met');
  return 0;
}

process.exit(main());
