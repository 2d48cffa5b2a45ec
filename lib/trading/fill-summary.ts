import { Decimal } from '../core/money';
import type { ExchangeOrder, Market } from '../exchange/types';

export interface FillSummary {
  filledQuantity: Decimal;
  averagePrice: Decimal;
  /** quantity × price. */
  notional: Decimal;
  /** Fees charged in the base asset (they reduce what was received). */
  feeBase: Decimal;
  /** Fees charged in the quote asset. */
  feeQuote: Decimal;
  /** All fees valued in quote at the fill price (display). */
  feeValue: Decimal;
  /** Base actually received on a buy: filled − base fees. */
  netBase: Decimal;
}

/** Exact fill numbers of an order as the venue reports them. */
export function summarizeFill(order: ExchangeOrder, market: Market): FillSummary {
  const filledQuantity = Decimal.from(order.filledQuantity);
  const averagePrice = Decimal.from(order.averagePrice ?? order.price ?? '0');
  let feeBase = Decimal.from(0);
  let feeQuote = Decimal.from(0);
  for (const fee of order.fees) {
    if (fee.asset === market.base) feeBase = feeBase.add(fee.amount);
    else if (fee.asset === market.quote) feeQuote = feeQuote.add(fee.amount);
  }
  const notional = filledQuantity.mul(averagePrice);
  return {
    filledQuantity,
    averagePrice,
    notional,
    feeBase,
    feeQuote,
    feeValue: feeQuote.add(feeBase.mul(averagePrice)),
    netBase: filledQuantity.sub(feeBase),
  };
}
