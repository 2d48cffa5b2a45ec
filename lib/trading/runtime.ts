import { hostname } from 'node:os';
import { getConfig } from '../config';
import { getKeyRing } from '../crypto/key-ring';
import { getDb } from '../db';
import type { TradingDeps, TradingEvent } from './deps';
import { createExchangeRegistry, type ExchangeRegistry } from './exchange-registry';

const globalRuntime = globalThis as unknown as { ospreyTrading?: { deps: TradingDeps; registry: ExchangeRegistry } };

let publisher: ((event: TradingEvent) => Promise<void>) | undefined;

/** Where trading events go (the realtime emitter); set once at process start. */
export function setTradingEventPublisher(publish: (event: TradingEvent) => Promise<void>): void {
  publisher = publish;
}

/** The process's trading dependencies: database, exchanges per account, clock, notifications. */
export function getTrading(): { deps: TradingDeps; registry: ExchangeRegistry } {
  if (!globalRuntime.ospreyTrading) {
    const config = getConfig();
    const db = getDb();
    const registry = createExchangeRegistry({ db, keyRing: getKeyRing(), marketDataMode: config.MARKET_DATA_MODE, seed: config.SIMULATED_MARKET_SEED });
    globalRuntime.ospreyTrading = {
      registry,
      deps: {
        db,
        exchangeFor: (account) => registry.exchangeFor(account),
        now: () => new Date(),
        notify: async (event) => {
          try {
            await publisher?.(event);
          } catch (error) {
            console.error(`[realtime] ${hostname()}: could not publish ${event.type}: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      },
    };
  }
  return globalRuntime.ospreyTrading;
}
