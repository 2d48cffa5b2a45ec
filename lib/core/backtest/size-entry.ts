import { type SizingCaps } from '../sizing';
import { type Sizing } from './options';

/** Positions worth at most this fraction of equity are float dust, not trades. */
const DUST = 1e-9;

/** Why an entry could not be sized. */
export type SizeSkip = 'STOP_REQUIRED' | 'STOP_ON_WRONG_SIDE' | 'NO_CASH';

export interface EntrySizeInput {
  sizing: Sizing;
  /** Fill price, slippage included. */
  price: number;
  /** Stop-loss price, NaN without one. */
  stop: number;
  equity: number;
  cash: number;
  /** Taker fee rate paid on the entry (and counted at the stop in risk mode). */
  feeRate: number;
  /** The strategy's size hint (0 < hint ≤ 1; 1 = full size). */
  sizeHint: number;
  /** Risk-policy caps (with the performance multiplier), or null without a policy. */
  caps: SizingCaps | null;
}

/**
 * Quantity of a long entry in float64: the sizing mode's target (times the size hint), within
 * the policy caps times the performance multiplier (the same formulas as `sizePosition` of
 * `lib/core/sizing`, without step rounding), bounded by the cash including the entry fee.
 * Returns a positive quantity, or the reason it is zero.
 */
export function sizeEntry(input: EntrySizeInput): number | SizeSkip {
  const { sizing, price, stop, equity, cash, feeRate, sizeHint, caps } = input;
  const hasStop = stop === stop; // not NaN
  const lossPerUnit = hasStop ? price - stop + feeRate * (price + stop) : NaN;
  // as `sizePosition`: a stop must be below a long's entry, whatever the mode
  if (hasStop && !(price > stop)) return 'STOP_ON_WRONG_SIDE';
  const multiplier = caps?.sizeMultiplier ?? 1;
  let quantity: number;
  switch (sizing.kind) {
    case 'fraction':
      quantity = (sizing.fraction * equity * sizeHint) / (price * (1 + feeRate));
      break;
    case 'fixed':
      quantity = (sizing.amount * sizeHint) / price;
      break;
    case 'risk':
      if (!hasStop) return 'STOP_REQUIRED';
      quantity = (equity * (sizing.riskPct / 100) * sizeHint) / lossPerUnit;
      break;
  }
  if (caps) {
    quantity *= multiplier;
    const valueCap = Math.min(
      caps.maxTradeValue ?? Infinity,
      caps.maxTradePct == null ? Infinity : (cash * caps.maxTradePct) / 100,
      caps.maxOrderValue ?? Infinity,
      caps.maxPositionRoom ?? Infinity,
    );
    quantity = Math.min(quantity, (valueCap * multiplier) / price);
    if (hasStop && caps.maxRiskPct != null) {
      quantity = Math.min(quantity, (cash * (caps.maxRiskPct / 100) * multiplier) / lossPerUnit);
    }
  }
  quantity = Math.min(quantity, cash / (price * (1 + feeRate)));
  // float dust left by an all-in entry is not money to trade with
  const dust = quantity * price <= DUST * equity;
  return quantity > 0 && Number.isFinite(quantity) && !dust ? quantity : 'NO_CASH';
}
