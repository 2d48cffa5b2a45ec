import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin-policy';

describe('isAllowedOrigin', () => {
  it('allows non-browser clients (no Origin)', () => {
    expect(isAllowedOrigin(undefined, 'localhost:3001', [])).toBe(true);
  });

  it('allows the app on the same host as the worker, on any port', () => {
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:3001', [])).toBe(true);
    expect(isAllowedOrigin('http://192.168.1.20:3000', '192.168.1.20:3001', [])).toBe(true);
    expect(isAllowedOrigin('http://[::1]:3000', '[::1]:3001', [])).toBe(true);
  });

  it('allows configured origins and nothing else', () => {
    const allowed = ['https://osprey.example.com/some/path'];
    expect(isAllowedOrigin('https://osprey.example.com', 'live.example.com', allowed)).toBe(true);
    expect(isAllowedOrigin('http://osprey.example.com', 'live.example.com', allowed)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', 'live.example.com', allowed)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', 'localhost:3001', [])).toBe(false);
    expect(isAllowedOrigin('https://localhost.evil.example', 'localhost:3001', [])).toBe(false);
  });

  it('refuses malformed and non-web origins', () => {
    expect(isAllowedOrigin('null', 'localhost:3001', [])).toBe(false);
    expect(isAllowedOrigin('file://localhost', 'localhost:3001', [])).toBe(false);
    expect(isAllowedOrigin('http://localhost:3000', undefined, [])).toBe(false);
  });
});
