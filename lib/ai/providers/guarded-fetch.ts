/**
 * The fetch the AI SDKs use: every request URL, and every redirect target, must pass the host
 * allowlist. Redirects are followed by hand (at most three) and only to allowed hosts, so an
 * allowed server cannot bounce the worker to an internal address.
 */
import { AiProviderError } from './provider-error';
import { aiHostAllowlistSchema, baseUrlProblem, type HostAllowlist } from './host-allowlist';

const MAX_REDIRECTS = 3;

let cached: { text: string | undefined; allowlist: HostAllowlist } | undefined;

/** `AI_BASE_URL_ALLOWLIST` of this process (re-read when the variable changes, e.g. in tests). */
export function currentHostAllowlist(): HostAllowlist {
  const text = process.env.AI_BASE_URL_ALLOWLIST;
  if (cached && cached.text === text) return cached.allowlist;
  const parsed = aiHostAllowlistSchema.safeParse(text);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message);
  cached = { text, allowlist: parsed.data };
  return parsed.data;
}

type FetchInput = string | URL | Request;

/** A fetch that refuses (`AiProviderError('blocked_url')`) any URL the allowlist does not allow. */
export function guardedFetch(
  allowlist: HostAllowlist,
  provider: string,
  base: typeof fetch = fetch,
): (input: FetchInput, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    let url = input instanceof Request ? input.url : String(input);
    let request: FetchInput = input;
    let options: RequestInit = { ...init, redirect: 'manual' };
    for (let hop = 0; ; hop++) {
      const problem = baseUrlProblem(url, allowlist);
      if (problem)
        throw new AiProviderError('blocked_url', `${provider}: refused ${url}: ${problem}`);
      const response = await base(request, options);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS)
        throw new AiProviderError('blocked_url', `${provider}: too many redirects from ${url}.`);
      const method = (options.method ?? 'GET').toUpperCase();
      if (response.status === 303 || (response.status <= 302 && method === 'POST'))
        options = { ...options, method: 'GET', body: undefined };
      url = new URL(location, url).toString();
      request = url;
    }
  };
}
