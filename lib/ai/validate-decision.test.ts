import { describe, expect, it } from 'vitest';
import { DECISION_JSON_SCHEMA, holdDecision, REASONING_MAX_CHARS } from './decision-schema';
import { validBuy } from './test-fixtures';
import {
  DEFAULT_SANITY_LIMITS,
  parseModelJson,
  validateDecision,
  type SenseInput,
} from './validate-decision';

const PRICE = 100;
const flat: SenseInput = { lastPrice: PRICE, hasPosition: false, limits: DEFAULT_SANITY_LIMITS };
const check = (value: unknown, input = flat) =>
  validateDecision(JSON.stringify(value), undefined, input);
const errorsOf = (value: unknown, input = flat) => {
  const result = check(value, input);
  return result.ok ? [] : result.errors;
};

describe('validateDecision', () => {
  it('accepts a sensible long and a hold', () => {
    expect(check(validBuy(PRICE))).toEqual({ ok: true, value: validBuy(PRICE) });
    expect(check(holdDecision('Nothing to do.'))).toMatchObject({ ok: true });
  });

  it('fills a missing entry of a buy with the last price', () => {
    expect(check({ ...validBuy(PRICE), entry: null })).toEqual({
      ok: true,
      value: validBuy(PRICE),
    });
  });

  it('rejects stops and targets on the wrong side, for longs and shorts', () => {
    expect(errorsOf({ ...validBuy(PRICE), stopLoss: 101 })).toEqual([
      expect.stringContaining('stopLoss: must be below'),
    ]);
    expect(errorsOf({ ...validBuy(PRICE), takeProfit: 99 })).toEqual([
      expect.stringContaining('takeProfit: must be above'),
    ]);
    const short = {
      ...validBuy(PRICE),
      action: 'sell',
      stopLoss: 102,
      takeProfit: 97,
      invalidation: null,
    };
    expect(errorsOf(short)).toEqual([]);
    expect(errorsOf({ ...short, stopLoss: 98, takeProfit: 103 })).toHaveLength(2);
  });

  it('requires stop and target for entries', () => {
    expect(errorsOf({ ...validBuy(PRICE), stopLoss: null, takeProfit: null })).toEqual([
      'stopLoss: required for "buy".',
      'takeProfit: required for "buy".',
    ]);
  });

  it('rejects prices far from the last price (configurable)', () => {
    expect(errorsOf({ ...validBuy(PRICE), entry: 103, stopLoss: 101, takeProfit: 106 })).toEqual([
      expect.stringContaining('entry: 103 is more than 2%'),
    ]);
    expect(errorsOf({ ...validBuy(PRICE), takeProfit: 130 })).toEqual([
      expect.stringContaining('takeProfit: 130 is more than 20%'),
    ]);
    const loose = { ...flat, limits: { maxEntryDistancePct: 5, maxExitDistancePct: 40 } };
    expect(
      errorsOf({ ...validBuy(PRICE), entry: 103, stopLoss: 101, takeProfit: 130 }, loose),
    ).toEqual([]);
  });

  it('rejects close without a position, allows it with one', () => {
    const close = { ...holdDecision('Take profit early.'), action: 'close', confidence: 70 };
    expect(errorsOf(close)).toEqual([expect.stringContaining('needs an open position')]);
    expect(errorsOf(close, { ...flat, hasPosition: true })).toEqual([]);
  });

  it('rejects wrong types, out-of-range confidence and overlong reasoning', () => {
    expect(errorsOf({ ...validBuy(PRICE), action: 'short' })[0]).toMatch(/^action:/);
    expect(errorsOf({ ...validBuy(PRICE), confidence: 101 })[0]).toMatch(/^confidence:/);
    expect(errorsOf({ ...validBuy(PRICE), confidence: -1 })[0]).toMatch(/^confidence:/);
    expect(errorsOf({ ...validBuy(PRICE), stopLoss: -5 })[0]).toMatch(/^stopLoss:/);
    expect(
      errorsOf({ ...validBuy(PRICE), reasoning: 'x'.repeat(REASONING_MAX_CHARS + 1) })[0],
    ).toMatch(/^reasoning:/);
    expect(
      errorsOf({ ...validBuy(PRICE), invalidation: { type: 'below', price: 99, text: 't' } })[0],
    ).toMatch(/^invalidation\.type:/);
    expect(errorsOf([1, 2])[0]).toMatch(/^\(root\):/);
  });

  it('rejects an unknown last price rather than guessing', () => {
    expect(errorsOf(validBuy(PRICE), { ...flat, lastPrice: NaN })).toEqual([
      'The last price is unknown.',
    ]);
  });
});

describe('parseModelJson', () => {
  it('reads plain and fenced JSON, reports empty and broken text', () => {
    expect(parseModelJson(' {"a":1} ')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseModelJson('```json\n{"a":1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseModelJson('')).toMatchObject({ ok: false });
    expect(parseModelJson('{"a":')).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('not valid JSON')],
    });
  });
});

describe('DECISION_JSON_SCHEMA', () => {
  it('names every field of the zod schema as required (OpenAI strict mode)', () => {
    expect(DECISION_JSON_SCHEMA.required).toEqual(Object.keys(validBuy(PRICE)));
    expect(Object.keys(DECISION_JSON_SCHEMA.properties as object)).toEqual(
      Object.keys(validBuy(PRICE)),
    );
  });
});
