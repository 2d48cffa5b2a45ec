import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { createBackoffRegistry } from './backoff-registry';
import { parseRetryAfter } from './parse-retry-after';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createBackoffRegistry', () => {
  it('blocks a key for exactly the back-off and then lets requests go', () => {
    const c = clock();
    const registry = createBackoffRegistry({ now: c.now });
    registry.backOff('binance:live', 7000);
    expect(registry.remainingMs('binance:live')).toBe(7000);
    c.advance(6999);
    expect(registry.remainingMs('binance:live')).toBe(1);
    c.advance(1);
    expect(registry.remainingMs('binance:live')).toBe(0);
  });

  it('keeps keys apart', () => {
    const registry = createBackoffRegistry({ now: clock().now });
    registry.backOff('binance:live', 5000);
    expect(registry.remainingMs('alpaca:live')).toBe(0);
  });

  it('extends but never shortens a running back-off', () => {
    const c = clock();
    const registry = createBackoffRegistry({ now: c.now });
    registry.backOff('k', 10_000);
    registry.backOff('k', 2_000);
    expect(registry.remainingMs('k')).toBe(10_000);
    c.advance(5_000);
    registry.backOff('k', 8_000);
    expect(registry.remainingMs('k')).toBe(8_000);
  });

  it('ignores zero, negative and NaN durations', () => {
    const registry = createBackoffRegistry({ now: clock().now });
    registry.backOff('k', 0);
    registry.backOff('k', -5);
    registry.backOff('k', Number.NaN);
    expect(registry.remainingMs('k')).toBe(0);
  });

  it('assertCanSend throws a retry error carrying the time left', () => {
    const c = clock();
    const registry = createBackoffRegistry({ now: c.now });
    registry.backOff('k', 3_000);
    c.advance(1_000);
    let caught: unknown;
    try {
      registry.assertCanSend('k');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExchangeError);
    const error = caught as ExchangeError;
    expect([error.kind, error.code, error.retryAfterMs]).toEqual(['retry', 'rate_limited', 2_000]);
    c.advance(2_000);
    expect(() => registry.assertCanSend('k')).not.toThrow();
  });

  it('clear ends one key or all of them', () => {
    const registry = createBackoffRegistry({ now: clock().now });
    registry.backOff('a', 1000);
    registry.backOff('b', 1000);
    registry.clear('a');
    expect([registry.remainingMs('a'), registry.remainingMs('b')]).toEqual([0, 1000]);
    registry.clear();
    expect(registry.remainingMs('b')).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(' 120 ', 0)).toBe(120_000);
    expect(parseRetryAfter('0.5', 0)).toBe(500);
  });

  it('reads an HTTP-date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2025 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2025 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2025 07:27:00 GMT', now)).toBe(0);
  });

  it('returns undefined for missing or unreadable values', () => {
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter('-3', 0)).toBeUndefined();
  });
});
