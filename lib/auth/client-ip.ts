/**
 * The client address to throttle on. Without trusted proxies it is the socket's peer address
 * and `X-Forwarded-For` is ignored (a client can write anything there). With N trusted proxy
 * hops, the N-th address from the right of `X-Forwarded-For` is the client as seen by the
 * outermost trusted proxy.
 */
export function clientIpFrom(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const peer = normalize(socketAddress ?? 'unknown');
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // chain = client, proxy1, ..., proxyK; the peer is the last proxy. With N trusted hops the
  // peer and N-1 entries from the right are proxies; the entry before them is the client.
  const index = chain.length - trustedHops;
  return normalize(chain[index] ?? chain[0] ?? peer);
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
