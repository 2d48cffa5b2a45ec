import { describe, expect, it } from 'vitest';
import { readSymbolInput } from './symbol-input';

describe('readSymbolInput', () => {
  it.each([
    ['BTC/USDT', { kind: 'pair', base: 'BTC', quote: 'USDT' }],
    ['btc-usdt', { kind: 'pair', base: 'BTC', quote: 'USDT' }],
    ['btc_usdt', { kind: 'pair', base: 'BTC', quote: 'USDT' }],
    [' Btc usdt ', { kind: 'pair', base: 'BTC', quote: 'USDT' }],
    ['BINANCE:BTC/USDT', { kind: 'pair', base: 'BTC', quote: 'USDT' }],
    ['BTCUSDT', { kind: 'compact', text: 'BTCUSDT' }],
    ['BINANCE:BTCUSDT', { kind: 'compact', text: 'BTCUSDT' }],
    ['binanceus:ethusd', { kind: 'compact', text: 'ETHUSD' }],
    ['btc', { kind: 'compact', text: 'BTC' }],
    ['PERP/USDT', { kind: 'pair', base: 'PERP', quote: 'USDT' }],
  ])('reads %j', (input, expected) => {
    expect(readSymbolInput(input)).toEqual(expected);
  });

  it.each([
    ['BTCUSDT.P', { kind: 'derivative', text: 'BTCUSDT.P', base: 'BTCUSDT' }],
    ['BINANCE:BTCUSDT.P', { kind: 'derivative', text: 'BINANCE:BTCUSDT.P', base: 'BTCUSDT' }],
    ['BTC-USDT.P', { kind: 'derivative', text: 'BTC-USDT.P', base: 'BTC', quote: 'USDT' }],
    ['BTC-PERP', { kind: 'derivative', text: 'BTC-PERP', base: 'BTC' }],
    ['BTCUSDTPERP', { kind: 'derivative', text: 'BTCUSDTPERP', base: 'BTCUSDT' }],
    ['BTC-USDT-SWAP', { kind: 'derivative', text: 'BTC-USDT-SWAP', base: 'BTC', quote: 'USDT' }],
    ['BTC/USDT:USDT', { kind: 'derivative', text: 'BTC/USDT:USDT', base: 'BTC', quote: 'USDT' }],
    ['BTCUSDT_240628', { kind: 'derivative', text: 'BTCUSDT_240628', base: 'BTCUSDT' }],
  ])('recognises the derivative %j', (input, expected) => {
    expect(readSymbolInput(input)).toEqual(expected);
  });

  it('calls blank input empty and junk invalid', () => {
    expect(readSymbolInput('   ')).toEqual({ kind: 'empty' });
    expect(readSymbolInput('BTC/USDT/EUR')).toEqual({ kind: 'invalid', text: 'BTC/USDT/EUR' });
    expect(readSymbolInput('BTC$USDT')).toEqual({ kind: 'invalid', text: 'BTC$USDT' });
  });
});
