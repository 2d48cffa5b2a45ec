import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error';
import { resolveSymbol, resolveSymbolOrThrow } from './resolve-symbol';
import { TEST_MARKETS } from './test-markets';

describe('resolveSymbol', () => {
  it.each([
    ['BTCUSDT', 'BTC/USDT'],
    ['BINANCE:BTCUSDT', 'BTC/USDT'],
    ['BTC/USDT', 'BTC/USDT'],
    ['btc-usdt', 'BTC/USDT'],
    ['btc_usdt', 'BTC/USDT'],
    ['btc', 'BTC/USDT'],
    ['BTCUSDC', 'BTC/USDC'],
    ['eth/btc', 'ETH/BTC'],
    ['ethbtc', 'ETH/BTC'],
    ['sol', 'SOL/USDT'],
    ['wbtc', 'WBTC/USDT'],
    ['perp', 'PERP/USDT'],
  ])('resolves %j to %s', (input, symbol) => {
    const resolution = resolveSymbol(input, TEST_MARKETS);
    expect(resolution).toMatchObject({ ok: true, symbol });
    expect(resolution.ok && resolution.market.symbol).toBe(symbol);
  });

  it('accepts the market list as an array too', () => {
    expect(resolveSymbol('doge', [...TEST_MARKETS.values()])).toMatchObject({
      ok: true,
      symbol: 'DOGE/USDT',
    });
  });

  it('refuses perpetuals clearly and points at the spot market', () => {
    for (const input of [
      'BTCUSDT.P',
      'BTC-USDT.P',
      'BTC-PERP',
      'BTC/USDT:USDT',
      'BINANCE:BTCUSDT.P',
    ]) {
      const resolution = resolveSymbol(input, TEST_MARKETS);
      expect(resolution).toMatchObject({
        ok: false,
        code: 'derivative',
        suggestions: ['BTC/USDT'],
      });
      expect(!resolution.ok && resolution.message).toMatch(
        /spot markets only.*Did you mean the spot market BTC\/USDT\?/,
      );
    }
    expect(resolveSymbol('XYZUSDT.P', TEST_MARKETS)).toMatchObject({
      ok: false,
      code: 'derivative',
      suggestions: [],
    });
  });

  it('says a pair is not listed and suggests markets of the same base', () => {
    const resolution = resolveSymbol('BTC/GBP', TEST_MARKETS);
    expect(resolution).toMatchObject({
      ok: false,
      code: 'not_found',
      suggestions: ['BTC/USDT', 'BTC/USDC', 'BTC/EUR', 'WBTC/USDT', 'WBTC/BTC'],
    });
    expect(!resolution.ok && resolution.message).toBe(
      'BTC/GBP is not a market on this venue. Did you mean BTC/USDT, BTC/USDC, BTC/EUR, WBTC/USDT, WBTC/BTC?',
    );
  });

  it('splits an unknown compact symbol on its quote to explain what is missing', () => {
    const resolution = resolveSymbol('PEPEUSDT', TEST_MARKETS);
    expect(resolution).toMatchObject({ ok: false, code: 'not_found', suggestions: [] });
    expect(!resolution.ok && resolution.message).toBe('PEPE/USDT is not a market on this venue.');
    expect(resolveSymbol('ET', TEST_MARKETS)).toMatchObject({
      ok: false,
      code: 'not_found',
      suggestions: ['ETH/USDT', 'ETHFI/USDT', 'ETH/BTC'],
    });
  });

  it('says when a market exists but is not trading', () => {
    expect(resolveSymbol('LUNAUSDT', TEST_MARKETS)).toMatchObject({
      ok: false,
      code: 'inactive',
      message: 'LUNA/USDT is listed but not trading right now.',
    });
  });

  it('explains empty and malformed input', () => {
    expect(resolveSymbol('  ', TEST_MARKETS)).toMatchObject({ ok: false, code: 'empty' });
    expect(resolveSymbol('BTC$USDT', TEST_MARKETS)).toMatchObject({
      ok: false,
      code: 'invalid',
      suggestions: ['BTC/USDT', 'WBTC/USDT'],
    });
  });

  it('throws a 400 with the reason on the symbol field', () => {
    expect(resolveSymbolOrThrow('btc', TEST_MARKETS).symbol).toBe('BTC/USDT');
    try {
      resolveSymbolOrThrow('BTCUSDT.P', TEST_MARKETS);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const appError = error as AppError;
      expect(appError.status).toBe(400);
      expect(appError.fields?.symbol?.[0]).toMatch(/spot markets only/);
    }
  });
});
