import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { resolveUnknown } from './resolve-unknown';

const cause = new ExchangeError(
  'unknown',
  'timeout',
  'binance createOrder failed (RequestTimeout)',
);
const grace = { attempts: 3, delayMs: 1000 };

function script<T>(answers: (T | null | Error)[]) {
  let calls = 0;
  const waits: number[] = [];
  return {
    lookup: () => {
      const answer = answers[calls++];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? null);
    },
    wait: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
    calls: () => calls,
    waits,
  };
}

describe('resolveUnknown', () => {
  it('returns what the first lookup finds, without waiting', async () => {
    const s = script(['found']);
    expect(
      await resolveUnknown({ what: 'order c-1', lookup: s.lookup, cause, grace, wait: s.wait }),
    ).toBe('found');
    expect([s.calls(), s.waits]).toEqual([1, []]);
  });

  it('keeps looking through the grace period', async () => {
    const s = script([null, new Error('network'), 'late']);
    expect(
      await resolveUnknown({ what: 'order c-1', lookup: s.lookup, cause, grace, wait: s.wait }),
    ).toBe('late');
    expect([s.calls(), s.waits]).toEqual([3, [1000, 1000]]);
  });

  it('throws unknown (same code) when the order is still absent after the last lookup', async () => {
    const s = script<string>([null, null, null, 'too late']);
    const error = await resolveUnknown({
      what: 'order c-1',
      lookup: s.lookup,
      cause,
      grace,
      wait: s.wait,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect([(error as ExchangeError).kind, (error as ExchangeError).code]).toEqual([
      'unknown',
      'timeout',
    ]);
    expect((error as ExchangeError).message).toBe(
      'binance createOrder failed (RequestTimeout); order c-1 was not found in 3 lookups over 2000 ms; not resent',
    );
    expect(s.calls()).toBe(3);
  });

  it('says so when lookups failed rather than answered', async () => {
    const s = script<string>([new Error('down'), null, new Error('down')]);
    const error = (await resolveUnknown({
      what: 'order c-1',
      lookup: s.lookup,
      cause,
      grace,
      wait: s.wait,
    }).catch((e: unknown) => e)) as ExchangeError;
    expect(error.message).toContain(
      'order c-1 could not be confirmed (1/3 lookups answered: not found)',
    );
  });
});
