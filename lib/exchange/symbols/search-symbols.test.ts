import { describe, expect, it } from 'vitest';
import { searchSymbols } from './search-symbols';
import { TEST_MARKETS } from './test-markets';

const symbols = (query: string, limit?: number): string[] =>
  searchSymbols(TEST_MARKETS, query, limit).map((m) => m.symbol);

describe('searchSymbols', () => {
  it('ranks exact base first with USDT preferred, then prefixes, then contains', () => {
    // ETH/BTC comes last: "BTC" is only inside its symbol.
    expect(symbols('btc')).toEqual([
      'BTC/USDT',
      'BTC/USDC',
      'BTC/EUR',
      'WBTC/USDT',
      'WBTC/BTC',
      'ETH/BTC',
    ]);
    expect(symbols('eth')).toEqual(['ETH/USDT', 'ETH/BTC', 'ETHFI/USDT']);
  });

  it('puts an exact symbol first, in any spelling', () => {
    expect(symbols('ETHBTC')[0]).toBe('ETH/BTC');
    expect(symbols('eth/btc')).toEqual(['ETH/BTC']);
    expect(symbols('BINANCE:SOLFDUSD')[0]).toBe('SOL/FDUSD');
  });

  it('matches on a symbol prefix and a quote prefix', () => {
    expect(symbols('BTCUS')).toEqual(['BTC/USDT', 'BTC/USDC', 'WBTC/USDT']);
    expect(symbols('sol/fd')).toEqual(['SOL/FDUSD']);
  });

  it('leaves out inactive markets, respects the limit and finds nothing for nonsense', () => {
    expect(symbols('luna')).toEqual([]);
    expect(symbols('btc', 2)).toEqual(['BTC/USDT', 'BTC/USDC']);
    expect(symbols('zzz')).toEqual([]);
    expect(symbols('')).toEqual([]);
  });

  it('finds the base of a perpetual spelling', () => {
    expect(symbols('BTC-PERP', 1)).toEqual(['BTC/USDT']);
  });
});
