/**
 * The SSRF guard's rules: which hosts an AI SDK may reach. A user can point the OpenAI or Gemini
 * SDK at a base URL of their choosing, so without this the worker would fetch any address the
 * user names (cloud metadata, the database, an internal admin port). The official provider hosts
 * are always allowed; the administrator adds more with `AI_BASE_URL_ALLOWLIST` (comma separated
 * `host` or `host:port`, `*.example.com` for subdomains, `*` for any host).
 *
 * Hosts are compared after WHATWG URL parsing, which normalises the tricks: `http://2130706433/`
 * and `http://0x7f.1/` are `127.0.0.1`, `http://api.openai.com@127.0.0.1/` is `127.0.0.1` (and
 * refused anyway for carrying credentials), `[::ffff:127.0.0.1]` is `[::ffff:7f00:1]`.
 */
import { z } from 'zod';

export const OFFICIAL_AI_HOSTS = ['api.openai.com', 'generativelanguage.googleapis.com'] as const;

export interface HostRule {
  /** Normalised hostname: lower case, IPv6 in brackets, no trailing dot. */
  host: string;
  /** Exact port, or null for any port. */
  port: string | null;
  /** `*.host`: any subdomain of `host` (not `host` itself). */
  subdomains: boolean;
}

/** `'any'` turns the guard off (an explicit `*`); otherwise the extra hosts allowed. */
export type HostAllowlist = 'any' | readonly HostRule[];

const ENTRY = /^(\*\.)?(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/;

const normaliseHost = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** One allowlist entry; throws an Error naming the entry when it is not a host or host:port. */
export function parseHostRule(raw: string): HostRule {
  let entry = raw.trim().toLowerCase();
  // A bare IPv6 address (`::1`) gets its brackets.
  if (!entry.startsWith('[') && (entry.match(/:/g) ?? []).length > 1) entry = `[${entry}]`;
  const match = ENTRY.exec(entry);
  const bad = () => new Error(`"${raw.trim()}" is not a host or host:port`);
  if (!match || /[\s/@?#\\]/.test(entry)) throw bad();
  const [, wildcard, hostPart, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) throw bad();
  let host: string;
  try {
    host = new URL(`http://${hostPart}/`).hostname;
  } catch {
    throw bad();
  }
  return { host: normaliseHost(host), port: port ?? null, subdomains: Boolean(wildcard) };
}

/** A comma-separated list; `*` anywhere means any host. */
export function parseHostAllowlist(text: string): HostAllowlist {
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.includes('*')) return 'any';
  return entries.map(parseHostRule);
}

/** `AI_BASE_URL_ALLOWLIST` as the config schema reads it. */
export const aiHostAllowlistSchema = z
  .string()
  .default('')
  .transform((text, ctx): HostAllowlist => {
    try {
      return parseHostAllowlist(text);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `AI_BASE_URL_ALLOWLIST: ${(error as Error).message} (use host or host:port, comma separated).`,
      });
      return z.NEVER;
    }
  });

function ruleMatches(rule: HostRule, host: string, port: string): boolean {
  const hostOk = rule.subdomains ? host.endsWith(`.${rule.host}`) : host === rule.host;
  return hostOk && (rule.port === null || rule.port === port);
}

/**
 * Why `url` may not be fetched, or null when it may: an http(s) URL without credentials whose
 * host is an official provider host or on the allowlist.
 */
export function baseUrlProblem(url: string, allowlist: HostAllowlist): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a valid URL.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'only http and https URLs are allowed.';
  if (parsed.username || parsed.password)
    return 'a URL with a user name or password is not allowed.';
  if (allowlist === 'any') return null;
  const host = normaliseHost(parsed.hostname);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  if ((OFFICIAL_AI_HOSTS as readonly string[]).includes(host)) return null;
  if (allowlist.some((rule) => ruleMatches(rule, host, port))) return null;
  return `the host ${parsed.host} is not on the administrator's allowlist (AI_BASE_URL_ALLOWLIST).`;
}
