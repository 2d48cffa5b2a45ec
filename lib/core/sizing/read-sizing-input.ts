import { Decimal } from '../money';
import { type Rounded, roundPriceToTick } from './step-rounding';
import { type SizingCode, type SizingInput, type SizingLimit, type SizingRejection } from './types';

/** The sizing input checked and turned into exact decimals. */
export interface ReadSizing {
  ok: true;
  price: Rounded;
  stop: Rounded | null;
  balance: Decimal;
  fee: Decimal;
  step: Decimal;
  minQty: Decimal;
  minNotional: Decimal;
  maxQty: Decimal | null;
  multiplier: number;
  /** The mode's budget: a loss at the stop (`risk-budget`) or an amount to spend (`amount`). */
  target: { limit: Extract<SizingLimit, 'risk-budget' | 'amount'>; value: Decimal };
  /** Policy ceilings on the order value, in quote currency. */
  valueCaps: [SizingLimit, Decimal][];
  /** Ceiling on the loss at the stop, in quote currency (null without a stop or cap). */
  maxRisk: Decimal | null;
}

export function reject(
  code: SizingCode,
  message: string,
  observed: number | string,
  limit: number | string,
): SizingRejection {
  return { ok: false, code, message, observed, limit };
}

const isPositive = (x: number) => Number.isFinite(x) && x > 0;
const isPct = (x: number) => isPositive(x) && x <= 100;
const pctOf = (balance: Decimal, pct: number) => balance.mul(pct).mul('0.01');

function readFilters(
  input: SizingInput,
): Pick<ReadSizing, 'step' | 'minQty' | 'minNotional' | 'maxQty'> & { tick: Decimal } {
  const f = input.filters;
  const step = Decimal.from(f.stepSize);
  const tick = Decimal.from(f.tickSize);
  const minQty = Decimal.from(f.minQty);
  const minNotional = Decimal.from(f.minNotional);
  const maxQty = f.maxQty === null || f.maxQty === undefined ? null : Decimal.from(f.maxQty);
  if (!step.isPositive() || !tick.isPositive() || minQty.isNegative() || minNotional.isNegative()) {
    throw new RangeError('step and tick must be above 0, minimums not below 0');
  }
  if (maxQty !== null && !maxQty.isPositive()) throw new RangeError('max quantity must be above 0');
  return { step, tick, minQty, minNotional, maxQty };
}

/** Validates every number and reads it as an exact decimal, or explains what is wrong. */
export function readSizingInput(input: SizingInput): ReadSizing | SizingRejection {
  const { side, mode, caps = {} } = input;
  if (!isPositive(input.price)) {
    return reject(
      'INVALID_PRICE',
      `Price must be a positive number, got ${input.price}`,
      input.price,
      '> 0',
    );
  }
  if (!(Number.isFinite(input.balance) && input.balance >= 0)) {
    return reject(
      'INVALID_BALANCE',
      `Balance must be a number ≥ 0, got ${input.balance}`,
      input.balance,
      '≥ 0',
    );
  }
  const feeRate = input.feeRate ?? 0;
  if (!(Number.isFinite(feeRate) && feeRate >= 0 && feeRate < 1)) {
    return reject(
      'INVALID_SIZING_MODE',
      `Fee rate must be from 0 to below 1, got ${feeRate}`,
      feeRate,
      '[0, 1)',
    );
  }
  let filters: ReturnType<typeof readFilters>;
  try {
    filters = readFilters(input);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return reject(
      'INVALID_MARKET_FILTERS',
      `Invalid market filters: ${why}`,
      'invalid',
      'valid filters',
    );
  }
  const price = roundPriceToTick(input.price, filters.tick, side);
  if (!price.decimal.isPositive()) {
    const tickText = filters.tick.toString();
    return reject(
      'INVALID_PRICE',
      `Price ${input.price} is below the tick size ${tickText}`,
      input.price,
      tickText,
    );
  }

  let stop: Rounded | null = null;
  if (input.stopPrice !== null && input.stopPrice !== undefined) {
    if (!isPositive(input.stopPrice)) {
      return reject(
        'INVALID_STOP',
        `Stop price must be a positive number, got ${input.stopPrice}`,
        input.stopPrice,
        '> 0',
      );
    }
    stop = roundPriceToTick(input.stopPrice, filters.tick, side);
    const wrongSide =
      side === 'buy' ? !stop.decimal.lt(price.decimal) : !stop.decimal.gt(price.decimal);
    if (wrongSide) {
      const where = side === 'buy' ? 'below' : 'above';
      return reject(
        'STOP_ON_WRONG_SIDE',
        `A ${side} stop must be ${where} the entry: stop ${stop.text}, entry ${price.text} (after rounding to the tick)`,
        stop.value,
        price.value,
      );
    }
  }

  const balance = Decimal.from(input.balance);
  let target: ReadSizing['target'];
  if (mode.kind === 'risk') {
    if (!isPct(mode.riskPct)) {
      return reject(
        'INVALID_SIZING_MODE',
        `Risk % must be above 0 and at most 100, got ${mode.riskPct}`,
        mode.riskPct,
        '(0, 100]',
      );
    }
    if (stop === null) {
      return reject(
        'STOP_REQUIRED',
        'Risk-based sizing needs a stop price',
        'none',
        'a stop price',
      );
    }
    target = { limit: 'risk-budget', value: pctOf(balance, mode.riskPct) };
  } else if (mode.kind === 'fixed') {
    if (!isPositive(mode.amount)) {
      return reject(
        'INVALID_SIZING_MODE',
        `Amount must be a positive number, got ${mode.amount}`,
        mode.amount,
        '> 0',
      );
    }
    target = { limit: 'amount', value: Decimal.from(mode.amount) };
  } else {
    if (
      !isPositive(mode.initialAmount) ||
      !(Number.isInteger(mode.closedTrades) && mode.closedTrades >= 0)
    ) {
      return reject(
        'INVALID_SIZING_MODE',
        'Compounding needs a positive initial amount and a closed-trade count ≥ 0',
        mode.initialAmount,
        '> 0',
      );
    }
    const amount = mode.closedTrades === 0 ? mode.initialAmount : mode.allocatedCapital;
    if (!isPositive(amount)) {
      return reject(
        'CAPITAL_EXHAUSTED',
        `The bot's allocated capital ${amount} leaves nothing to trade`,
        amount,
        '> 0',
      );
    }
    target = { limit: 'amount', value: Decimal.from(amount) };
  }

  const multiplier = caps.sizeMultiplier ?? 1;
  if (!(isPositive(multiplier) && multiplier <= 1)) {
    return reject(
      'INVALID_CAP',
      `Size multiplier must be above 0 and at most 1, got ${multiplier}`,
      multiplier,
      '(0, 1]',
    );
  }
  const valueCaps: [SizingLimit, Decimal][] = [];
  const absolute: [SizingLimit, number | null | undefined][] = [
    ['max-trade-value', caps.maxTradeValue],
    ['max-order-value', caps.maxOrderValue],
  ];
  for (const [limit, cap] of absolute) {
    if (cap === null || cap === undefined) continue;
    if (!isPositive(cap))
      return reject('INVALID_CAP', `${limit} must be a positive number, got ${cap}`, cap, '> 0');
    valueCaps.push([limit, Decimal.from(cap)]);
  }
  if (caps.maxTradePct !== null && caps.maxTradePct !== undefined) {
    if (!isPct(caps.maxTradePct)) {
      return reject(
        'INVALID_CAP',
        `max-trade-pct must be above 0 and at most 100, got ${caps.maxTradePct}`,
        caps.maxTradePct,
        '(0, 100]',
      );
    }
    valueCaps.push(['max-trade-pct', pctOf(balance, caps.maxTradePct)]);
  }
  const room = caps.maxPositionRoom;
  if (room !== null && room !== undefined) {
    if (!Number.isFinite(room))
      return reject(
        'INVALID_CAP',
        `max-position-value room must be finite, got ${room}`,
        room,
        'finite',
      );
    valueCaps.push(['max-position-value', Decimal.max(0, room)]);
  }
  let maxRisk: Decimal | null = null;
  if (caps.maxRiskPct !== null && caps.maxRiskPct !== undefined) {
    if (!isPct(caps.maxRiskPct)) {
      return reject(
        'INVALID_CAP',
        `max-risk must be above 0 and at most 100, got ${caps.maxRiskPct}`,
        caps.maxRiskPct,
        '(0, 100]',
      );
    }
    if (stop !== null) maxRisk = pctOf(balance, caps.maxRiskPct);
  }

  return {
    ok: true,
    price,
    stop,
    balance,
    fee: Decimal.from(feeRate),
    step: filters.step,
    minQty: filters.minQty,
    minNotional: filters.minNotional,
    maxQty: filters.maxQty,
    multiplier,
    target,
    valueCaps,
    maxRisk,
  };
}
