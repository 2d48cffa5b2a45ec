/** A price level given either as a price or as a percent distance from the entry. */
export type Level = { kind: 'price'; value: string } | { kind: 'pct'; value: number };

/** A webhook alert after normalisation: one spelling per field, values type-checked. */
export interface Alert {
  symbol: string;
  action: 'buy' | 'sell' | 'close';
  orderType: 'market' | 'limit';
  quantity?: string;
  quoteAmount?: string;
  price?: string;
  stopLoss?: Level;
  takeProfit?: Level;
  strategy?: string;
  timeframe?: string;
  confidence?: number;
  alertId?: string;
  time?: Date;
  secret?: string;
}

export type AlertRead =
  | { ok: true; alert: Alert }
  | { ok: false; status: 400 | 422; message: string; fields: Record<string, string[]> };

/** Every accepted spelling of each field (keys compared lower-case, `-` and spaces as `_`). */
const ALIASES = {
  symbol: ['symbol', 'ticker', 'pair', 'market', 'instrument'],
  action: ['action', 'side', 'order_action', 'strategy.order.action', 'signal'],
  quantity: ['quantity', 'qty', 'contracts', 'strategy.order.contracts', 'size'],
  quoteAmount: ['quote_amount', 'amount', 'quote_qty', 'notional', 'cost', 'amount_usd', 'usd'],
  orderType: ['order_type', 'ordertype', 'type'],
  price: ['price', 'close', 'limit_price', 'strategy.order.price'],
  stopLoss: ['stop_loss', 'stoploss', 'sl', 'stop'],
  takeProfit: ['take_profit', 'takeprofit', 'tp', 'target'],
  strategy: ['strategy', 'strategy_name'],
  timeframe: ['timeframe', 'interval', 'tf'],
  confidence: ['confidence'],
  alertId: ['alert_id', 'alertid', 'id', 'signal_id'],
  time: ['time', 'timestamp', 'timenow', 'time_now'],
  secret: ['secret', 'token', 'passphrase'],
} as const;
type Field = keyof typeof ALIASES;

const ACTIONS: Record<string, Alert['action']> = {
  buy: 'buy',
  long: 'buy',
  enter_long: 'buy',
  sell: 'sell',
  short: 'sell',
  close: 'close',
  exit: 'close',
  flat: 'close',
  close_long: 'close',
  exit_long: 'close',
};
/** Values above this are not a price or a size anyone means (1e308 is a typo or an attack). */
const MAX_VALUE = 1e15;

export interface AlertRules {
  now: Date;
  /** How old `time` may be; older alerts are refused (a replay or a queue that sat for hours). */
  maxAgeMs: number;
  /** How far `time` may be in the future (clock skew). */
  maxSkewMs: number;
}

/**
 * Reads a parsed body into an Alert. Wrong types and missing fields are 400 (every field error
 * listed); well-typed but impossible values (zero, negative, NaN, huge, stale time) are 422.
 */
export function readAlert(body: Record<string, unknown>, rules: AlertRules): AlertRead {
  const bad: Record<string, string[]> = {};
  const impossible: Record<string, string[]> = {};
  const add = (into: Record<string, string[]>, field: string, message: string) =>
    (into[field] ??= []).push(message);
  const values = collect(body, bad);
  const text = (field: Field, max: number): string | undefined => {
    const v = values[field];
    if (v === undefined) return undefined;
    if (typeof v === 'number' && (field === 'alertId' || field === 'timeframe')) return String(v);
    if (typeof v !== 'string') return void add(bad, field, 'must be text');
    const s = v.trim();
    if (s === '') return void add(bad, field, 'must not be empty');
    if (s.length > max) return void add(bad, field, `must be at most ${max} characters`);
    if (/\{\{.*\}\}/.test(s)) return void add(bad, field, `holds an unfilled placeholder ${s}`);
    if (/\p{Cc}/u.test(s)) return void add(bad, field, 'must not contain control characters');
    return s;
  };
  const number = (field: Field): { text: string; value: number } | undefined => {
    const v = values[field];
    if (v === undefined || v === '') return undefined;
    const n = readNumber(v);
    if (!n)
      return void add(
        bad,
        field,
        typeof v === 'string' && /\{\{/.test(v)
          ? `holds an unfilled placeholder ${v}`
          : 'must be a number',
      );
    if (!Number.isFinite(n.value)) return void add(impossible, field, 'must be a finite number');
    if (n.value <= 0) return void add(impossible, field, 'must be greater than zero');
    if (n.value > MAX_VALUE) return void add(impossible, field, 'is too large');
    return n;
  };
  const level = (field: 'stopLoss' | 'takeProfit'): Level | undefined => {
    const v = values[field];
    if (typeof v === 'string' && /%\s*$/.test(v)) {
      const n = readNumber(v.replace(/%\s*$/, ''));
      if (!n) return void add(bad, field, 'must be a price or a percent such as "2%"');
      if (!(n.value > 0 && n.value < 100))
        return void add(impossible, field, 'percent must be between 0 and 100');
      return { kind: 'pct', value: n.value };
    }
    const n = number(field);
    return n ? { kind: 'price', value: n.text } : undefined;
  };

  const symbol = text('symbol', 40);
  if (values.symbol === undefined)
    add(bad, 'symbol', 'is required (symbol or ticker, e.g. "BINANCE:BTCUSDT")');
  const actionText = text('action', 40);
  const action = actionText ? ACTIONS[actionText.toLowerCase().replace(/[\s-]+/g, '_')] : undefined;
  if (values.action === undefined)
    add(bad, 'action', 'is required (buy, sell, close, long, short, exit or flat)');
  else if (actionText && !action)
    add(bad, 'action', `"${actionText}" is not one of buy, sell, close, long, short, exit, flat`);
  const typeText = text('orderType', 20)?.toLowerCase();
  if (typeText && typeText !== 'market' && typeText !== 'limit')
    add(bad, 'order_type', 'must be market or limit');
  const orderType = typeText === 'limit' ? 'limit' : 'market';

  const quantity = number('quantity');
  const quoteAmount = number('quoteAmount');
  const price = number('price');
  const stopLoss = level('stopLoss');
  const takeProfit = level('takeProfit');
  if (quantity && quoteAmount)
    add(bad, 'quantity', 'give either a quantity or a quote amount, not both');
  if (orderType === 'limit' && values.price === undefined)
    add(bad, 'price', 'is required for a limit order');
  if ((stopLoss?.kind === 'pct' || takeProfit?.kind === 'pct') && values.price === undefined) {
    add(bad, 'price', 'is required when stop_loss or take_profit is a percent (use {{close}})');
  }
  if (action === 'buy' && price) {
    if (stopLoss?.kind === 'price' && Number(stopLoss.value) >= price.value)
      add(impossible, 'stop_loss', 'must be below the price for a buy');
    if (takeProfit?.kind === 'price' && Number(takeProfit.value) <= price.value)
      add(impossible, 'take_profit', 'must be above the price for a buy');
  }

  let confidence: number | undefined;
  if (values.confidence !== undefined) {
    const n = readNumber(values.confidence);
    if (!n) add(bad, 'confidence', 'must be a number from 0 to 100');
    else if (!Number.isFinite(n.value) || n.value < 0 || n.value > 100)
      add(impossible, 'confidence', 'must be from 0 to 100');
    else confidence = Math.round(n.value);
  }
  const time = readTime(values.time, bad);
  if (time) {
    const age = rules.now.getTime() - time.getTime();
    if (age > rules.maxAgeMs)
      add(
        impossible,
        'time',
        `is ${Math.round(age / 1000)} s old; alerts older than ${Math.round(rules.maxAgeMs / 1000)} s are refused`,
      );
    else if (-age > rules.maxSkewMs) add(impossible, 'time', 'is in the future');
  }
  const strategy = text('strategy', 100);
  const timeframe = text('timeframe', 20);
  const alertId = text('alertId', 200);
  const secret =
    values.secret === undefined
      ? undefined
      : typeof values.secret === 'string'
        ? values.secret
        : undefined;

  const failed =
    Object.keys(bad).length > 0
      ? { status: 400 as const, fields: bad }
      : Object.keys(impossible).length > 0
        ? { status: 422 as const, fields: impossible }
        : null;
  if (failed || !symbol || !action) {
    const fields = displayNames(failed?.fields ?? { _: ['invalid alert'] });
    const summary = Object.entries(fields)
      .map(([k, v]) => `${k}: ${v.join(', ')}`)
      .join('; ');
    return {
      ok: false,
      status: failed?.status ?? 400,
      message: `${failed?.status === 422 ? 'Impossible values' : 'Invalid alert'} (${summary}).`,
      fields,
    };
  }
  return {
    ok: true,
    alert: {
      symbol,
      action,
      orderType,
      ...(quantity ? { quantity: quantity.text } : {}),
      ...(quoteAmount ? { quoteAmount: quoteAmount.text } : {}),
      ...(price ? { price: price.text } : {}),
      ...(stopLoss ? { stopLoss } : {}),
      ...(takeProfit ? { takeProfit } : {}),
      ...(strategy ? { strategy } : {}),
      ...(timeframe ? { timeframe } : {}),
      ...(confidence !== undefined ? { confidence } : {}),
      ...(alertId ? { alertId } : {}),
      ...(time ? { time } : {}),
      ...(secret ? { secret } : {}),
    },
  };
}

const DISPLAY: Record<string, string> = {
  quoteAmount: 'quote_amount',
  orderType: 'order_type',
  stopLoss: 'stop_loss',
  takeProfit: 'take_profit',
  alertId: 'alert_id',
};

/** Field errors keyed by the spelling the documentation uses (`stop_loss`, not `stopLoss`). */
function displayNames(fields: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields))
    (out[DISPLAY[key] ?? key] ??= []).push(...messages);
  return out;
}

/** Picks each field's value from whichever spelling was used; conflicting spellings are an error. */
function collect(
  body: Record<string, unknown>,
  bad: Record<string, string[]>,
): Partial<Record<Field, unknown>> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body))
    if (value !== null)
      flat.set(
        key
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_'),
        value,
      );
  const out: Partial<Record<Field, unknown>> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    const given = ALIASES[field].filter((alias) => flat.has(alias));
    const distinct = new Set(given.map((alias) => JSON.stringify(flat.get(alias))));
    if (distinct.size > 1)
      (bad[field] ??= []).push(`was given twice with different values (${given.join(', ')})`);
    if (given[0]) out[field] = flat.get(given[0]);
  }
  return out;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A JSON number or a numeric string (NaN/Infinity read as such, to be refused as impossible). */
function readNumber(v: unknown): { text: string; value: number } | null {
  if (typeof v === 'number') return { text: String(v), value: v };
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^[+-]?(nan|infinity|inf)$/i.test(s)) return { text: s, value: Number.NaN };
  return NUMERIC.test(s) ? { text: s.replace(/^\+/, ''), value: Number(s) } : null;
}

/** Epoch seconds or milliseconds (number or digits) or an ISO 8601 text. */
function readTime(v: unknown, bad: Record<string, string[]>): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const numeric =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^\d{9,13}$/.test(v.trim())
        ? Number(v)
        : null;
  if (numeric !== null && Number.isFinite(numeric))
    return new Date(numeric < 1e11 ? numeric * 1000 : numeric);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v.trim())) {
    const d = new Date(v.trim());
    if (!Number.isNaN(d.getTime())) return d;
  }
  (bad.time ??= []).push(
    'must be epoch seconds, epoch milliseconds or an ISO 8601 time such as {{time}}',
  );
  return undefined;
}
