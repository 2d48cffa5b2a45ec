import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal, DecimalError, dec } from './decimal';
import { ROUNDING_MODES } from './rounding';

/** Arbitrary decimal with up to 30 integer digits and up to 20 decimals. */
const decimalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }))
  .map(([units, scale]) => dec(`${units}e-${scale}`));
const nonZeroArb = decimalArb.filter((d) => !d.isZero());
const positiveArb = decimalArb.filter((d) => d.isPositive());

describe('Decimal parsing', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['+12', '12'],
    ['0.10', '0.1'],
    ['100', '100'],
    ['.5', '0.5'],
    ['1.', '1'],
    ['-0.000120', '-0.00012'],
    ['1e-7', '0.0000001'],
    ['2.5E+3', '2500'],
    [
      '123456789012345678901234567890.123456789012345678',
      '123456789012345678901234567890.123456789012345678',
    ],
  ])('reads %s as %s', (input, expected) => {
    expect(dec(input).toString()).toBe(expected);
  });

  it('reads numbers through their shortest round-trip string', () => {
    expect(dec(0.1).toString()).toBe('0.1');
    expect(dec(1e-7).toString()).toBe('0.0000001');
    expect(dec(1e21).toString()).toBe('1000000000000000000000');
    expect(dec(-0).toString()).toBe('0');
    expect(dec(123.456).toString()).toBe('123.456');
    expect(dec(5e-324).toString()).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('reads bigints and returns decimals unchanged', () => {
    expect(dec(42n).toString()).toBe('42');
    const d = dec('1.5');
    expect(dec(d)).toBe(d);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    'abc',
    '.',
    '-',
    '1e',
    'e5',
    '--1',
    '0x10',
    '1,5',
    '1.2.3',
    'NaN',
    'Infinity',
    '1e99999',
  ])('rejects %j with a DecimalError', (input) => {
    expect(() => dec(input)).toThrow(DecimalError);
    expect(Decimal.isValid(input)).toBe(false);
  });

  it('rejects NaN and infinities with a clear message', () => {
    expect(() => dec(NaN)).toThrow('Not a finite number: NaN');
    expect(() => dec(Infinity)).toThrow('Not a finite number: Infinity');
    expect(() => dec(-Infinity)).toThrow(DecimalError);
    expect(() => dec('abc')).toThrow('Not a decimal number: "abc"');
    expect(() => Decimal.from({} as unknown as string)).toThrow(
      'Cannot read a decimal from object',
    );
  });

  it('round-trips every finite double through toNumber', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(dec(x).toNumber()).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('prints canonical strings that parse back to the same value', () => {
    fc.assert(
      fc.property(decimalArb, (a) => {
        const s = a.toString();
        expect(s).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        expect(dec(s).eq(a)).toBe(true);
        expect(dec(s)).toEqual(a);
      }),
    );
  });
});

describe('Decimal arithmetic', () => {
  it('is exact where doubles drift', () => {
    expect(dec('0.1').add('0.2').toString()).toBe('0.3');
    expect(dec('0.3').sub('0.1').toString()).toBe('0.2');
    expect(dec('1.1').mul('1.1').toString()).toBe('1.21');
    expect(dec('0.00000001').mul('100000000').toString()).toBe('1');
    expect(dec('-2.5').mul('4').toString()).toBe('-10');
  });

  it('divides with an explicit scale and rounding mode', () => {
    expect(dec(1).div(3, 8, 'half-even').toString()).toBe('0.33333333');
    expect(dec(2).div(3, 8, 'half-even').toString()).toBe('0.66666667');
    expect(dec(2).div(3, 8, 'down').toString()).toBe('0.66666666');
    expect(dec(-1).div(3, 4, 'floor').toString()).toBe('-0.3334');
    expect(dec(-1).div(3, 4, 'ceil').toString()).toBe('-0.3333');
    expect(dec('0.25').div('0.5', 0, 'half-even').toString()).toBe('0');
    expect(dec('0.75').div('0.5', 0, 'half-even').toString()).toBe('2');
    expect(dec(10).div('0.004', 2, 'down').toString()).toBe('2500');
    expect(() => dec(1).div(0, 8, 'down')).toThrow('Division by zero');
    expect(() => dec(1).div(3, -1, 'down')).toThrow(DecimalError);
    expect(() => dec(1).div(3, 1.5, 'down')).toThrow(DecimalError);
  });

  it('a + b - b == a, and addition commutes and associates', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, (a, b, c) => {
        expect(a.add(b).sub(b).eq(a)).toBe(true);
        expect(a.add(b).eq(b.add(a))).toBe(true);
        expect(
          a
            .add(b)
            .add(c)
            .eq(a.add(b.add(c))),
        ).toBe(true);
      }),
    );
  });

  it('multiplication distributes over addition', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, decimalArb, (a, b, c) => {
        expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.mul(b).eq(b.mul(a))).toBe(true);
      }),
    );
  });

  it('the sum of many fills equals the total exactly', () => {
    fc.assert(
      fc.property(
        fc.array(positiveArb, { minLength: 1, maxLength: 50 }),
        positiveArb,
        (qtys, price) => {
          const perFill = Decimal.sum(qtys.map((q) => q.mul(price)));
          const total = Decimal.sum(qtys).mul(price);
          expect(perFill.eq(total)).toBe(true);
        },
      ),
    );
    // 10 fills of 0.1 at 0.1 sum to exactly 0.1 (floats give 0.10000000000000002).
    const fills = Array.from({ length: 10 }, () => dec('0.1').mul('0.1'));
    expect(Decimal.sum(fills).toString()).toBe('0.1');
  });

  it('(a * b) / b == a when the scale is large enough', () => {
    fc.assert(
      fc.property(decimalArb, nonZeroArb, (a, b) => {
        for (const mode of ROUNDING_MODES) expect(a.mul(b).div(b, 20, mode).eq(a)).toBe(true);
      }),
    );
  });

  it('division rounds in the direction its mode says, within one unit', () => {
    fc.assert(
      fc.property(decimalArb, nonZeroArb, fc.integer({ min: 0, max: 12 }), (a, b, scale) => {
        const ulp = dec(`1e-${scale}`);
        const down = a.div(b, scale, 'floor');
        const up = a.div(b, scale, 'ceil');
        // floor(a/b)·b ≤ a ≤ ceil(a/b)·b for b > 0, reversed for b < 0
        const [lo, hi] = b.isPositive() ? [down.mul(b), up.mul(b)] : [up.mul(b), down.mul(b)];
        expect(lo.lte(a) && a.lte(hi)).toBe(true);
        expect(up.sub(down).lte(ulp)).toBe(true);
        const half = a.div(b, scale, 'half-even');
        expect(half.eq(down) || half.eq(up)).toBe(true);
      }),
    );
  });
});

describe('Decimal comparison and sign', () => {
  it('compares across scales', () => {
    expect(dec('1.50').compare('1.5')).toBe(0);
    expect(dec('1.5').compare('1.49999')).toBe(1);
    expect(dec('-2').compare('1')).toBe(-1);
    expect(dec('2').lt(3) && dec(3).lte(3) && dec(4).gt(3) && dec(3).gte(3)).toBe(true);
    expect(dec('0.000').isZero()).toBe(true);
    expect(dec('-0.1').isNegative()).toBe(true);
    expect(dec('0.1').isPositive()).toBe(true);
    expect(dec('0').isNegative() || dec('0').isPositive()).toBe(false);
  });

  it('negates, takes absolute values, minimum and maximum', () => {
    expect(dec('1.5').neg().toString()).toBe('-1.5');
    expect(dec('-1.5').abs().toString()).toBe('1.5');
    expect(dec('1.5').abs().toString()).toBe('1.5');
    expect(dec('2').min('1.999').toString()).toBe('1.999');
    expect(dec('2').max('1.999').toString()).toBe('2');
    expect(Decimal.min('3', '-1', '2').toString()).toBe('-1');
    expect(Decimal.max('3', '-1', '2').toString()).toBe('3');
  });

  it('compare agrees with the sign of the difference', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const diff = a.sub(b);
        const expected = diff.isZero() ? 0 : diff.isNegative() ? -1 : 1;
        expect(a.compare(b)).toBe(expected);
      }),
    );
  });
});

describe('Decimal rounding', () => {
  it('rounds to a scale', () => {
    expect(dec('1.23456').round(2, 'half-up').toString()).toBe('1.23');
    expect(dec('1.235').round(2, 'half-up').toString()).toBe('1.24');
    expect(dec('1.245').round(2, 'half-even').toString()).toBe('1.24');
    expect(dec('-1.235').round(2, 'floor').toString()).toBe('-1.24');
    expect(dec('1.2').round(5, 'up').toString()).toBe('1.2');
  });

  it('rounds to an exchange step', () => {
    expect(dec('0.123456').roundToStep('0.001', 'down').toString()).toBe('0.123');
    expect(dec('0.123456').roundToStep('0.001', 'up').toString()).toBe('0.124');
    expect(dec('0.1235').roundToStep('0.001', 'half-even').toString()).toBe('0.124');
    expect(dec('0.1245').roundToStep('0.001', 'half-even').toString()).toBe('0.124');
    expect(dec('27123.456').roundToStep('0.05', 'down').toString()).toBe('27123.45');
    expect(dec('27123.476').roundToStep('0.05', 'half-even').toString()).toBe('27123.5');
    expect(dec('1234').roundToStep('100', 'down').toString()).toBe('1200');
    expect(() => dec(1).roundToStep('0', 'down')).toThrow('Step must be positive, got 0');
    expect(() => dec(1).roundToStep('-0.1', 'down')).toThrow(DecimalError);
  });

  it('a step rounding is a multiple of the step within one step, on the right side', () => {
    fc.assert(
      fc.property(decimalArb, positiveArb, (a, step) => {
        const down = a.roundToStep(step, 'floor');
        const up = a.roundToStep(step, 'ceil');
        expect(down.lte(a) && a.lte(up)).toBe(true);
        expect(up.sub(down).lte(step)).toBe(true);
        expect(down.div(step, 0, 'down').mul(step).eq(down)).toBe(true);
        expect(a.roundToStep(step, 'down').abs().lte(a.abs())).toBe(true);
      }),
    );
  });

  it('formats with a fixed number of decimals', () => {
    expect(dec('1.5').toFixed(3)).toBe('1.500');
    expect(dec('1.23456').toFixed(2)).toBe('1.23');
    expect(dec('2.5').toFixed(0)).toBe('3');
    expect(dec('2.5').toFixed(0, 'half-even')).toBe('2');
    expect(dec('-0.004').toFixed(2)).toBe('0.00');
    expect(dec('7').toFixed(2)).toBe('7.00');
  });

  it('serialises to JSON as an exact string', () => {
    expect(JSON.stringify({ qty: dec('0.00100000') })).toBe('{"qty":"0.001"}');
  });
});
