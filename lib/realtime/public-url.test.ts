import { describe, expect, it } from 'vitest';
import { realtimePublicUrl, type RealtimeUrlInput } from './public-url';

const base: RealtimeUrlInput = {
  requestUrl: 'http://localhost:3000/api/realtime/token',
  hostHeader: 'localhost:3000',
  forwardedProto: null,
  trustProxy: 0,
  workerPort: 3001,
};

describe('realtimePublicUrl', () => {
  it('uses the configured URL, as an origin', () => {
    expect(
      realtimePublicUrl({ ...base, configuredUrl: 'https://live.example.com/ignored/path' }),
    ).toBe('https://live.example.com');
  });

  it('defaults to the host the browser used, on the worker port', () => {
    expect(realtimePublicUrl(base)).toBe('http://localhost:3001');
    expect(realtimePublicUrl({ ...base, hostHeader: '192.168.1.20:3000' })).toBe(
      'http://192.168.1.20:3001',
    );
    expect(realtimePublicUrl({ ...base, hostHeader: '[::1]:3000' })).toBe('http://[::1]:3001');
    expect(realtimePublicUrl({ ...base, hostHeader: 'desk.lan', workerPort: 4001 })).toBe(
      'http://desk.lan:4001',
    );
  });

  it('keeps the request scheme, and honours X-Forwarded-Proto only behind trusted proxies', () => {
    expect(
      realtimePublicUrl({
        ...base,
        requestUrl: 'https://desk.lan/api/realtime/token',
        hostHeader: 'desk.lan',
      }),
    ).toBe('https://desk.lan:3001');
    expect(realtimePublicUrl({ ...base, forwardedProto: 'https' })).toBe('http://localhost:3001');
    expect(realtimePublicUrl({ ...base, forwardedProto: 'https, http', trustProxy: 1 })).toBe(
      'https://localhost:3001',
    );
    expect(realtimePublicUrl({ ...base, forwardedProto: 'gopher', trustProxy: 1 })).toBe(
      'http://localhost:3001',
    );
  });

  it('falls back to the request URL when the Host header is missing or not a plain host', () => {
    expect(realtimePublicUrl({ ...base, hostHeader: null })).toBe('http://localhost:3001');
    expect(realtimePublicUrl({ ...base, hostHeader: 'evil.example@localhost' })).toBe(
      'http://localhost:3001',
    );
    expect(realtimePublicUrl({ ...base, hostHeader: 'evil.example/x' })).toBe(
      'http://localhost:3001',
    );
  });
});
