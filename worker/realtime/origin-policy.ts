/**
 * Which browser origins may open a socket. Sockets authenticate with a bearer token, not cookies,
 * so this is defence in depth, not the lock: a page on another site has no way to get a token.
 * Allowed: requests without an Origin (not a browser), the configured app origins, and any page
 * on the same host the browser used to reach this server (the app on PORT, the worker on
 * WORKER_PORT of the same machine or name).
 */
export function isAllowedOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (allowed.some((entry) => sameOrigin(entry, parsed.origin))) return true;
  if (!hostHeader) return false;
  try {
    return new URL(`http://${hostHeader}`).hostname === parsed.hostname;
  } catch {
    return false;
  }
}

function sameOrigin(entry: string, origin: string): boolean {
  try {
    return new URL(entry).origin === origin;
  } catch {
    return false;
  }
}
