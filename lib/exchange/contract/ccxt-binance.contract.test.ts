import { binanceOnFake } from '../ccxt/test-support';
import { describeExchangeContract } from './describe-exchange-contract';

/** The same contract as the paper exchange: the production ccxt adapter on the fake Binance. */
describeExchangeContract('ccxt adapter on the fake Binance', async () => {
  const { fake, exchange } = await binanceOnFake({
    balances: { USDT: '10000' },
    prices: { BTCUSDT: '30000' },
    commissionRate: '0.001',
  });
  await exchange.connect();
  return {
    exchange,
    fees: { maker: '0.001', taker: '0.001' },
    setPrice(symbol, price) {
      fake.setPrice(symbol.replace('/', ''), price);
      return Promise.resolve();
    },
    async teardown() {
      await exchange.close();
      await fake.close();
    },
  };
});
