import {
  roundPriceToTick,
  roundQuantityDown,
  sizePosition,
  sizingCapsFromPolicy,
  type SizingMode,
  type SizingResult,
} from '../core/sizing';
import type { RiskPolicy } from '../core/risk';
import type { Bot, Signal } from '../db/schema';
import type { Market } from '../exchange/types';

/**
 * How much to buy: an explicit quantity (rounded down to the step, checked against the market's
 * minimums), or a quote amount, or the bot's sizing mode — always under the policy's caps.
 */
export function entrySize(input: {
  signal: Signal;
  bot: Bot | null;
  botRealised: { realised: number; closedTrades: number };
  policy: RiskPolicy;
  market: Market;
  price: number;
  stopPrice: number | null;
  freeQuote: number;
  positionValue: number;
  sizeMultiplier: number;
  feeRate: number;
}): SizingResult {
  const { signal, bot, market } = input;
  const filters = {
    stepSize: market.stepSize,
    tickSize: market.tickSize,
    minQty: market.minQty,
    minNotional: market.minNotional,
    maxQty: market.maxQty ?? null,
  };
  if (signal.quantity) return explicitQuantity(signal.quantity, market, input.price);
  let mode: SizingMode;
  if (signal.quoteAmount) {
    mode = { kind: 'fixed', amount: Number(signal.quoteAmount) };
  } else if (bot?.sizingMode === 'risk') {
    mode = { kind: 'risk', riskPct: input.policy.riskPerTrade.pct };
  } else if (bot?.sizingMode === 'compounding') {
    const initialAmount = Number(bot.tradeAmount);
    mode = {
      kind: 'compounding',
      initialAmount,
      closedTrades: input.botRealised.closedTrades,
      allocatedCapital: initialAmount + input.botRealised.realised,
    };
  } else if (bot) {
    mode = { kind: 'fixed', amount: Number(bot.tradeAmount) };
  } else {
    mode = { kind: 'risk', riskPct: input.policy.riskPerTrade.pct };
  }
  return sizePosition({
    mode,
    side: 'buy',
    price: input.price,
    stopPrice: input.stopPrice,
    balance: input.freeQuote,
    feeRate: input.feeRate,
    caps: sizingCapsFromPolicy(input.policy, {
      sizeMultiplier: input.sizeMultiplier,
      positionValue: input.positionValue,
    }),
    filters,
  });
}

/** A quantity the sender chose: on the step, at least the market's minimums; caps are the risk engine's job. */
function explicitQuantity(requested: string, market: Market, price: number): SizingResult {
  const quantity = roundQuantityDown(requested, market.stepSize);
  const entry = roundPriceToTick(price, market.tickSize, 'buy');
  const notional = quantity.decimal.mul(entry.decimal);
  if (quantity.decimal.lt(market.minQty) || quantity.decimal.isZero()) {
    return {
      ok: false,
      code: 'BELOW_MIN_QTY',
      message: `Quantity ${quantity.text} is below the market minimum ${market.minQty}.`,
      observed: quantity.text,
      limit: market.minQty,
    };
  }
  if (notional.lt(market.minNotional)) {
    return {
      ok: false,
      code: 'BELOW_MIN_NOTIONAL',
      message: `Order value ${notional.toString()} is below the market minimum ${market.minNotional}.`,
      observed: notional.toString(),
      limit: market.minNotional,
    };
  }
  return {
    ok: true,
    quantity: quantity.value,
    quantityText: quantity.text,
    price: entry.value,
    priceText: entry.text,
    notional: notional.toNumber(),
    notionalText: notional.toString(),
    stopPrice: null,
    stopPriceText: null,
    riskAmount: null,
    limitedBy: 'amount',
    sizeMultiplier: 1,
  };
}
