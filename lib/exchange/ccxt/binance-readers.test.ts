import { describe, expect, it } from 'vitest';
import { type Market } from '../types';
import { binanceOcoParams } from './binance-oco';
import { readBinanceOrder, readBinanceTrade } from './binance-order';
import { decimalText } from './raw-fields';

const btc: Market = {
  symbol: 'BTC/USDT',
  venueSymbol: 'BTCUSDT',
  base: 'BTC',
  quote: 'USDT',
  active: true,
  stepSize: '0.00001',
  tickSize: '0.01',
  minQty: '0.00001',
  minNotional: '5',
  orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
};

describe('Binance raw readers', () => {
  it('reads a FULL new-order answer with exact strings, fills summed per asset', () => {
    const order = readBinanceOrder(
      {
        symbol: 'BTCUSDT',
        orderId: 28,
        orderListId: -1,
        clientOrderId: 'c-28',
        transactTime: 1507725176595,
        price: '0.00000000',
        origQty: '0.30000000',
        executedQty: '0.30000000',
        cummulativeQuoteQty: '18000.30000000',
        status: 'FILLED',
        type: 'MARKET',
        side: 'BUY',
        fills: [
          {
            price: '60000.00000000',
            qty: '0.10000000',
            commission: '0.00010000',
            commissionAsset: 'BTC',
            tradeId: 1,
          },
          {
            price: '60001.50000000',
            qty: '0.20000000',
            commission: '0.00020000',
            commissionAsset: 'BTC',
            tradeId: 2,
          },
        ],
      },
      btc,
      0,
    );
    expect(order).toEqual({
      id: '28',
      clientOrderId: 'c-28',
      symbol: 'BTC/USDT',
      side: 'buy',
      type: 'market',
      status: 'filled',
      quantity: '0.3',
      filledQuantity: '0.3',
      averagePrice: '60001',
      fees: [{ asset: 'BTC', amount: '0.0003' }],
      createdAt: 1507725176595,
      updatedAt: 1507725176595,
    });
  });

  it('takes our id from origClientOrderId in a cancel answer and marks OCO legs', () => {
    const order = readBinanceOrder(
      {
        orderId: 5,
        orderListId: 77,
        origClientOrderId: 'ours',
        clientOrderId: 'cancel-xyz',
        price: '66000.00000000',
        origQty: '1',
        executedQty: '0',
        cummulativeQuoteQty: '0',
        status: 'CANCELED',
        type: 'LIMIT_MAKER',
        side: 'SELL',
        transactTime: 9,
      },
      btc,
      0,
    );
    expect([
      order.clientOrderId,
      order.status,
      order.type,
      order.price,
      order.ocoId,
      order.averagePrice,
    ]).toEqual(['ours', 'canceled', 'limit', '66000', '77', undefined]);
  });

  it('maps stop types and expiry', () => {
    const stop = readBinanceOrder(
      {
        orderId: 1,
        type: 'STOP_LOSS',
        status: 'EXPIRED',
        stopPrice: '57000.00000000',
        price: '0',
        origQty: '1',
        executedQty: '0',
        side: 'SELL',
        time: 3,
        updateTime: 4,
      },
      btc,
      0,
    );
    expect([
      stop.type,
      stop.status,
      stop.stopPrice,
      stop.price,
      stop.createdAt,
      stop.updatedAt,
    ]).toEqual(['stop-market', 'expired', '57000', undefined, 3, 4]);
  });

  it('reads a myTrades row', () => {
    expect(
      readBinanceTrade(
        {
          id: 9,
          orderId: 28,
          price: '60000.00000000',
          qty: '0.01000000',
          commission: '0.60000000',
          commissionAsset: 'USDT',
          time: 11,
          isBuyer: false,
        },
        btc,
      ),
    ).toEqual({
      id: '9',
      orderId: '28',
      symbol: 'BTC/USDT',
      side: 'sell',
      price: '60000',
      quantity: '0.01',
      fee: '0.6',
      feeAsset: 'USDT',
      time: 11,
    });
  });

  it('builds the above/below OCO parameters for both sides', () => {
    expect(
      binanceOcoParams(btc, {
        symbol: 'BTC/USDT',
        side: 'buy',
        quantity: '0.01',
        takeProfitPrice: '55000',
        stopPrice: '62000',
        clientOcoId: 'b1',
      }),
    ).toEqual({
      symbol: 'BTCUSDT',
      side: 'BUY',
      quantity: '0.01',
      listClientOrderId: 'b1',
      newOrderRespType: 'FULL',
      aboveType: 'STOP_LOSS',
      aboveStopPrice: '62000',
      aboveClientOrderId: 'b1-sl',
      belowType: 'LIMIT_MAKER',
      belowPrice: '55000',
      belowClientOrderId: 'b1-tp',
    });
    const long = binanceOcoParams(btc, {
      symbol: 'BTC/USDT',
      side: 'sell',
      quantity: '1',
      takeProfitPrice: '2',
      stopPrice: '1',
      clientOcoId: 'x'.repeat(34),
    });
    expect([long.aboveClientOrderId, long.belowClientOrderId]).toEqual([undefined, undefined]);
  });

  it('decimalText gives canonical decimals and refuses non-numbers', () => {
    expect([
      decimalText('0.00100000'),
      decimalText(1e-7),
      decimalText(60000),
      decimalText(''),
      decimalText('abc'),
      decimalText(null),
    ]).toEqual(['0.001', '0.0000001', '60000', undefined, undefined, undefined]);
  });
});
