import { getConfig } from '../config';
import { getKeyRing } from '../crypto/key-ring';
import { getDb } from '../db';
import { notifyArgsOf, publish } from '../realtime/emitter';
import type { TradingDeps } from './deps';
import { createExchangeRegistry, type ExchangeRegistry } from './exchange-registry';

const globalRuntime = globalThis as unknown as {
  ospreyTrading?: { deps: TradingDeps; registry: ExchangeRegistry };
};

/** The process's trading dependencies: database, exchanges per account, clock, notifications. */
export function getTrading(): { deps: TradingDeps; registry: ExchangeRegistry } {
  if (!globalRuntime.ospreyTrading) {
    const config = getConfig();
    const db = getDb();
    const registry = createExchangeRegistry({
      db,
      keyRing: getKeyRing(),
      marketDataMode: config.MARKET_DATA_MODE,
      seed: config.SIMULATED_MARKET_SEED,
    });
    globalRuntime.ospreyTrading = {
      registry,
      deps: {
        db,
        exchangeFor: (account) => registry.exchangeFor(account),
        now: () => new Date(),
        notify: async (event) => {
          // publish never rejects; a lost notification never fails a trade.
          await publish(event.type, event.payload as never, { userId: event.userId } as never);
        },
        encodeEvent: (event) =>
          notifyArgsOf(event.type, event.payload as never, { userId: event.userId }),
      },
    };
  }
  return globalRuntime.ospreyTrading;
}
