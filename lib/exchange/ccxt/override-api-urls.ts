/**
 * Points a ccxt exchange at another origin by rewriting EVERY key of `exchange.urls.api` after
 * construction (DESIGN §9), keeping each URL's path: `https://api.binance.com/api/v3` becomes
 * `http://127.0.0.1:41234/api/v3`. Used by tests to aim the production adapter at a loopback fake.
 */
type UrlTree = string | { [key: string]: UrlTree };

const ORIGIN = /^[a-z]+:\/\/[^/]+/i;

function rewrite(tree: UrlTree, origin: string): UrlTree {
  if (typeof tree === 'string') return ORIGIN.test(tree) ? tree.replace(ORIGIN, origin) : tree;
  const out: { [key: string]: UrlTree } = {};
  for (const [key, value] of Object.entries(tree)) out[key] = rewrite(value, origin);
  return out;
}

export function overrideApiUrls(exchange: { urls: Record<string, unknown> }, origin: string): void {
  const clean = origin.replace(/\/+$/, '');
  if (!ORIGIN.test(clean)) throw new Error(`overrideApiUrls: not an origin: ${clean}`);
  exchange.urls.api = rewrite(exchange.urls.api as UrlTree, clean);
}
