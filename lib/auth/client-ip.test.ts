import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './client-ip';

describe('clientIpFrom', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIpFrom('::ffff:10.0.0.9', '1.2.3.4', 0)).toBe('10.0.0.9');
  });
  it('takes the address the trusted proxy saw', () => {
    expect(clientIpFrom('10.0.0.1', '6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientIpFrom('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2', 2)).toBe('1.2.3.4');
  });
  it('falls back to the first entry when the chain is shorter than the hops', () => {
    expect(clientIpFrom('10.0.0.1', '1.2.3.4', 3)).toBe('1.2.3.4');
  });
  it('uses the peer when the header is absent', () => {
    expect(clientIpFrom('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
  });
});
