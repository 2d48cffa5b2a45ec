import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec } from '../money';
import { applyFill, fillDeltas } from './apply-fill';
import { evaluateOrder } from './evaluate-order';
import { createFillConfig, type FillConfig } from './fill-config';
import { makeFill, slippedPrice } from './make-fill';
import { tickPrices } from './price-bar';
import { type Fill } from './types';

const pair = { base: 'BTC', quote: 'USDT' };
const quoteFees = createFillConfig({ takerFeeRate: '0.001' });
const baseFees = createFillConfig({ takerFeeRate: '0.001', feeMode: 'received' });

/** Prices with up to 2 decimals, quantities with up to 8: like a BTC/USDT market. */
const priceArb = fc.integer({ min: 1, max: 10_000_000 }).map((n) => dec(`${n}e-2`));
const qtyArb = fc.integer({ min: 1, max: 1_000_000_000 }).map((n) => dec(`${n}e-8`));
const configArb = fc
  .record({
    maker: fc.integer({ min: 0, max: 100 }),
    taker: fc.integer({ min: 0, max: 100 }),
    slippageBps: fc.integer({ min: 0, max: 50 }),
    feeMode: fc.constantFrom('quote' as const, 'received' as const),
  })
  .map((c) =>
    createFillConfig({
      makerFeeRate: `${c.maker}e-4`,
      takerFeeRate: `${c.taker}e-4`,
      slippageBps: c.slippageBps,
      feeMode: c.feeMode,
      priceStep: '0.01',
    }),
  );

describe('fees', () => {
  it('in quote: a buy pays cost plus fee, a sell receives proceeds minus fee', () => {
    const buy = makeFill('buy', dec(100), dec('0.5'), 'taker', quoteFees);
    expect([buy.fee.toString(), buy.feeAsset]).toEqual(['0.05', 'quote']);
    expect(fillDeltas(buy)).toEqual({ base: dec('0.5'), quote: dec('-50.05') });
    const sell = makeFill('sell', dec(110), dec('0.5'), 'taker', quoteFees);
    expect(fillDeltas(sell)).toEqual({ base: dec('-0.5'), quote: dec('54.945') });
  });

  it('in the received asset: a buy is credited the quantity net of a base fee', () => {
    const buy = makeFill('buy', dec(100), dec('0.5'), 'taker', baseFees);
    expect([buy.fee.toString(), buy.feeAsset]).toEqual(['0.0005', 'base']);
    expect(fillDeltas(buy)).toEqual({ base: dec('0.4995'), quote: dec('-50') });
    const sell = makeFill('sell', dec(110), dec('0.4995'), 'taker', baseFees);
    // 0.4995 × 110 = 54.945, fee 0.054945 in quote
    expect([sell.fee.toString(), sell.feeAsset]).toEqual(['0.054945', 'quote']);
    expect(fillDeltas(sell).quote.toString()).toBe('54.890055');
  });

  it('uses the maker rate for maker fills', () => {
    const config = createFillConfig({ makerFeeRate: '0', takerFeeRate: '0.002' });
    expect(makeFill('buy', dec(100), dec(1), 'maker', config).fee.isZero()).toBe(true);
    expect(makeFill('buy', dec(100), dec(1), 'taker', config).fee.toString()).toBe('0.2');
  });

  it('an entry with a base fee can be exited with exactly the quantity received', () => {
    let balances: Record<string, Decimal> = { USDT: dec(1000) };
    const entry = evaluateOrder(
      { type: 'market', side: 'buy', quantity: dec('0.5') },
      tickPrices(100),
      baseFees,
    );
    if (entry.status !== 'filled') throw new Error('entry did not fill');
    balances = applyFill(balances, entry.fill, pair);
    const exitQty = fillDeltas(entry.fill).base;
    const exit = evaluateOrder(
      { type: 'market', side: 'sell', quantity: exitQty },
      tickPrices(110),
      baseFees,
    );
    if (exit.status !== 'filled') throw new Error('exit did not fill');
    balances = applyFill(balances, exit.fill, pair);
    expect(balances.BTC?.isZero()).toBe(true);
    // 1000 − 50 + 54.945·(1 − 0.001) = 1004.890055
    expect(balances.USDT?.toString()).toBe('1004.890055');
  });
});

describe('slippage', () => {
  it('moves the price against the taker and rounds to the tick against the taker', () => {
    const config = createFillConfig({ slippageBps: 7, priceStep: '0.01' });
    // 123.45 × 1.0007 = 123.536415 → up to 123.54; × 0.9993 = 123.363585 → down to 123.36
    expect(slippedPrice(dec('123.45'), 'buy', config).toString()).toBe('123.54');
    expect(slippedPrice(dec('123.45'), 'sell', config).toString()).toBe('123.36');
  });

  it('never favours the taker, for any price and rate', () => {
    fc.assert(
      fc.property(priceArb, configArb, (price, config) => {
        expect(slippedPrice(price, 'buy', config).gte(price)).toBe(true);
        expect(slippedPrice(price, 'sell', config).lte(price)).toBe(true);
        expect(
          slippedPrice(price, 'buy', config)
            .roundToStep('0.01', 'down')
            .eq(slippedPrice(price, 'buy', config)),
        ).toBe(true);
      }),
    );
  });
});

describe('applyFill exactness', () => {
  const fillArb = fc
    .tuple(
      fc.constantFrom('buy' as const, 'sell' as const),
      priceArb,
      qtyArb,
      fc.constantFrom('maker' as const, 'taker' as const),
      configArb,
    )
    .map(
      ([side, price, qty, liquidity, config]: [
        Fill['side'],
        Decimal,
        Decimal,
        Fill['liquidity'],
        FillConfig,
      ]) => makeFill(side, price, qty, liquidity, config),
    );

  it('each fill is exact: quoteAmount = price × quantity, fee = rate × charged amount', () => {
    fc.assert(
      fc.property(fillArb, (f) => {
        expect(f.quoteAmount.eq(f.price.mul(f.quantity))).toBe(true);
        const charged = f.feeAsset === 'base' ? f.quantity : f.quoteAmount;
        expect(f.fee.div(charged, 30, 'down').mul(charged).eq(f.fee)).toBe(true);
      }),
    );
  });

  it('the balance change equals the sum of fills and fees, to the unit', () => {
    fc.assert(
      fc.property(fc.array(fillArb, { minLength: 1, maxLength: 40 }), (fills) => {
        const start = { BTC: dec('3.14159265'), USDT: dec('100000.01') };
        const end = fills.reduce<Record<string, Decimal>>((b, f) => applyFill(b, f, pair), start);
        const signed = (f: Fill, amount: Decimal, buyPays: boolean) =>
          (f.side === 'buy') === buyPays ? amount.neg() : amount;
        const baseFlow = Decimal.sum(fills.map((f) => signed(f, f.quantity, false)));
        const quoteFlow = Decimal.sum(fills.map((f) => signed(f, f.quoteAmount, true)));
        const baseFees = Decimal.sum(fills.filter((f) => f.feeAsset === 'base').map((f) => f.fee));
        const quoteFees = Decimal.sum(
          fills.filter((f) => f.feeAsset === 'quote').map((f) => f.fee),
        );
        expect(end.BTC!.sub(start.BTC).eq(baseFlow.sub(baseFees))).toBe(true);
        expect(end.USDT!.sub(start.USDT).eq(quoteFlow.sub(quoteFees))).toBe(true);
      }),
    );
  });

  it('keeps other assets and starts missing ones at zero', () => {
    const f = makeFill('buy', dec(2), dec(3), 'taker', createFillConfig({ takerFeeRate: '0' }));
    expect(applyFill({ ETH: dec(1) }, f, pair)).toEqual({
      ETH: dec(1),
      BTC: dec(3),
      USDT: dec(-6),
    });
  });
});
