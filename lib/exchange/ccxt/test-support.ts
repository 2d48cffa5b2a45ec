/** Test helpers: the production adapter aimed at the loopback fakes. Not used by production code. */
import {
  startFakeAlpaca,
  type FakeAlpaca,
  type FakeAlpacaOptions,
} from '../../../test/fake-alpaca';
import {
  startFakeBinance,
  type FakeBinance,
  type FakeBinanceOptions,
} from '../../../test/fake-binance';
import { createBackoffRegistry } from '../backoff';
import { type Exchange } from '../types';
import { type CcxtExchangeOptions, createCcxtExchange } from './create-ccxt-exchange';

export type AdapterOverrides = Partial<Omit<CcxtExchangeOptions, 'venue' | 'urlsOverride'>>;

/** A fresh fake Binance and an adapter on it (own back-off registry, fast grace period). */
export async function binanceOnFake(
  fakeOptions: FakeBinanceOptions = {},
  overrides: AdapterOverrides = {},
): Promise<{ fake: FakeBinance; exchange: Exchange }> {
  const fake = await startFakeBinance(fakeOptions);
  const exchange = createCcxtExchange({
    venue: 'binance',
    apiKey: fake.apiKey,
    secret: fake.secret,
    urlsOverride: fake.url,
    enableRateLimit: false,
    backoff: createBackoffRegistry(),
    grace: { attempts: 3, delayMs: 20 },
    timeoutMs: 2_000,
    ...overrides,
  });
  return { fake, exchange };
}

export async function alpacaOnFake(
  fakeOptions: FakeAlpacaOptions = {},
  overrides: AdapterOverrides = {},
): Promise<{ fake: FakeAlpaca; exchange: Exchange }> {
  const fake = await startFakeAlpaca(fakeOptions);
  const exchange = createCcxtExchange({
    venue: 'alpaca',
    apiKey: fake.apiKey,
    secret: fake.secret,
    sandbox: true,
    urlsOverride: fake.url,
    enableRateLimit: false,
    backoff: createBackoffRegistry(),
    grace: { attempts: 3, delayMs: 20 },
    timeoutMs: 2_000,
    ...overrides,
  });
  return { fake, exchange };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
