/**
 * Where a browser reaches the worker's Socket.IO server. REALTIME_PUBLIC_URL when set (a reverse
 * proxy in front of the worker); otherwise the host the browser used for the app, on
 * WORKER_PORT, with the same scheme. Only the origin matters: Socket.IO reads a URL's path as a
 * namespace, so a path in REALTIME_PUBLIC_URL is dropped.
 */
export interface RealtimeUrlInput {
  configuredUrl?: string;
  /** The request's URL as the web process sees it. */
  requestUrl: string;
  /** The Host header the browser sent (its own name for the app: localhost, a LAN address…). */
  hostHeader: string | null;
  /** `X-Forwarded-Proto`, honoured only behind trusted proxies. */
  forwardedProto: string | null;
  trustProxy: number;
  workerPort: number;
}

export function realtimePublicUrl(input: RealtimeUrlInput): string {
  if (input.configuredUrl) return new URL(input.configuredUrl).origin;
  const request = new URL(input.requestUrl);
  const forwarded =
    input.trustProxy > 0 ? input.forwardedProto?.split(',')[0]?.trim().toLowerCase() : undefined;
  const protocol =
    forwarded === 'https' || forwarded === 'http' ? `${forwarded}:` : request.protocol;
  const url = parseHost(protocol, input.hostHeader) ?? new URL(`${protocol}//${request.host}`);
  url.port = String(input.workerPort);
  return url.origin;
}

/** The Host header as a URL, or null when it is missing or not a plain host[:port]. */
function parseHost(protocol: string, hostHeader: string | null): URL | null {
  const host = hostHeader?.trim();
  if (!host || /[/@?#\\\s]/.test(host)) return null;
  try {
    return new URL(`${protocol}//${host}`);
  } catch {
    return null;
  }
}
