import ccxt from 'ccxt';
import { describe, expect, it } from 'vitest';
import { overrideApiUrls } from './override-api-urls';

const strings = (tree: unknown): string[] =>
  typeof tree === 'string'
    ? [tree]
    : Object.values(tree as Record<string, unknown>).flatMap(strings);

describe('overrideApiUrls', () => {
  it('rewrites every Binance API URL to the origin, keeping paths', () => {
    const client = new ccxt.binance();
    overrideApiUrls(client, 'http://127.0.0.1:4321/');
    const api = client.urls.api as unknown as Record<string, string>;
    expect(api.public).toBe('http://127.0.0.1:4321/api/v3');
    expect(api.sapi).toBe('http://127.0.0.1:4321/sapi/v1');
    expect(strings(api).every((url) => url.startsWith('http://127.0.0.1:4321/'))).toBe(true);
  });

  it('rewrites Alpaca URLs with a hostname placeholder, after sandbox mode', () => {
    const client = new ccxt.alpaca();
    client.setSandboxMode(true);
    overrideApiUrls(client, 'http://127.0.0.1:9');
    expect(client.urls.api).toEqual({
      broker: 'http://127.0.0.1:9',
      trader: 'http://127.0.0.1:9',
      market: 'http://127.0.0.1:9',
    });
  });

  it('refuses something that is not an origin', () => {
    expect(() => overrideApiUrls(new ccxt.binance(), 'localhost')).toThrow('not an origin');
  });
});
