import { divRound, type RoundingMode } from './rounding';

/** Thrown for input that is not a finite decimal, division by zero and bad rounding arguments. */
export class DecimalError extends Error {
  override readonly name = 'DecimalError';
}

export type DecimalInput = Decimal | string | number | bigint;

/** Plain decimal, optional sign and exponent: `12`, `-0.5`, `.5`, `1.`, `1e-7`, `2.5E+3`. */
const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Guards against inputs like `1e999999999` that would allocate huge integers. */
const MAX_EXPONENT = 1000;

const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
  let p = pow10Cache[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 64) pow10Cache[n] = p;
  }
  return p;
}

function assertScale(scale: number, what: string): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_EXPONENT) {
    throw new DecimalError(`${what} must be an integer from 0 to ${MAX_EXPONENT}, got ${scale}`);
  }
}

/**
 * Immutable exact decimal: an integer `units` over `10^scale`, with arbitrary scale (like ccxt's
 * Precise). Addition, subtraction and multiplication are exact and never round; only `div`,
 * `round`, `roundToStep` and `toFixed` round, always with an explicit scale or step and a
 * rounding mode. Values are kept normalised (no trailing fractional zeros), so two equal
 * numbers have the same representation and `toString()` is canonical.
 *
 * Numbers are read through their shortest round-trip string (`String(0.1)` = `"0.1"`), so
 * `Decimal.from(0.1)` is exactly 0.1, not the binary double behind it.
 */
export class Decimal {
  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  private constructor(
    private readonly units: bigint,
    private readonly scale: number,
  ) {}

  /** Builds a normalised decimal `units / 10^scale`. */
  private static of(units: bigint, scale: number): Decimal {
    if (units === 0n) return Decimal.ZERO;
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale -= 1;
    }
    return new Decimal(units, scale);
  }

  /** Parses a decimal string, a finite number or a bigint; throws `DecimalError` on anything else. */
  static from(value: DecimalInput): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return Decimal.of(value, 0);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new DecimalError(`Not a finite number: ${value}`);
      return Decimal.parse(String(value));
    }
    if (typeof value === 'string') return Decimal.parse(value);
    throw new DecimalError(`Cannot read a decimal from ${typeof value}`);
  }

  /** True when `Decimal.from(value)` would succeed. */
  static isValid(value: unknown): boolean {
    if (value instanceof Decimal || typeof value === 'bigint') return true;
    if (typeof value === 'number') return Number.isFinite(value);
    if (typeof value !== 'string') return false;
    try {
      Decimal.parse(value);
      return true;
    } catch {
      return false;
    }
  }

  private static parse(text: string): Decimal {
    const match = DECIMAL_PATTERN.exec(text);
    const intPart = match?.[2] ?? '';
    const fracPart = match?.[3] ?? '';
    if (!match || intPart.length + fracPart.length === 0) {
      throw new DecimalError(`Not a decimal number: ${JSON.stringify(text)}`);
    }
    const exponent = match[4] === undefined ? 0 : Number(match[4]);
    if (Math.abs(exponent) > MAX_EXPONENT) {
      throw new DecimalError(`Exponent out of range in ${JSON.stringify(text)}`);
    }
    let units = BigInt(intPart + fracPart);
    let scale = fracPart.length - exponent;
    if (scale < 0) {
      units *= pow10(-scale);
      scale = 0;
    }
    if (scale > 2 * MAX_EXPONENT) throw new DecimalError(`Too many decimals in ${text}`);
    return Decimal.of(match[1] === '-' ? -units : units, scale);
  }

  /** Sum of all values; zero for an empty list. */
  static sum(values: Iterable<DecimalInput>): Decimal {
    let total = Decimal.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  static min(first: DecimalInput, ...rest: DecimalInput[]): Decimal {
    return rest.reduce<Decimal>((m, v) => m.min(v), Decimal.from(first));
  }

  static max(first: DecimalInput, ...rest: DecimalInput[]): Decimal {
    return rest.reduce<Decimal>((m, v) => m.max(v), Decimal.from(first));
  }

  /** Both operands as integers over the same power of ten. */
  private aligned(other: Decimal): [bigint, bigint, number] {
    const scale = Math.max(this.scale, other.scale);
    return [
      this.units * pow10(scale - this.scale),
      other.units * pow10(scale - other.scale),
      scale,
    ];
  }

  add(other: DecimalInput): Decimal {
    const [a, b, scale] = this.aligned(Decimal.from(other));
    return Decimal.of(a + b, scale);
  }

  sub(other: DecimalInput): Decimal {
    const [a, b, scale] = this.aligned(Decimal.from(other));
    return Decimal.of(a - b, scale);
  }

  /** Exact product (the scale of the result is the sum of the scales). */
  mul(other: DecimalInput): Decimal {
    const o = Decimal.from(other);
    return Decimal.of(this.units * o.units, this.scale + o.scale);
  }

  /** Quotient rounded to `scale` decimal places with `mode`. Throws on division by zero. */
  div(other: DecimalInput, scale: number, mode: RoundingMode): Decimal {
    assertScale(scale, 'Division scale');
    const o = Decimal.from(other);
    if (o.units === 0n) throw new DecimalError('Division by zero');
    const n = this.units * pow10(scale + o.scale);
    const d = o.units * pow10(this.scale);
    return Decimal.of(divRound(n, d, mode), scale);
  }

  /** Rounded to at most `scale` decimal places. */
  round(scale: number, mode: RoundingMode): Decimal {
    assertScale(scale, 'Rounding scale');
    if (this.scale <= scale) return this;
    return Decimal.of(divRound(this.units, pow10(this.scale - scale), mode), scale);
  }

  /**
   * Rounded to a multiple of `step` (an exchange's tick or lot size), e.g. quantities `down`
   * so an order never exceeds the balance. `step` must be positive.
   */
  roundToStep(step: DecimalInput, mode: RoundingMode): Decimal {
    const s = Decimal.from(step);
    if (s.units <= 0n) throw new DecimalError(`Step must be positive, got ${s.toString()}`);
    const [a, b, scale] = this.aligned(s);
    return Decimal.of(divRound(a, b, mode) * b, scale);
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: DecimalInput): -1 | 0 | 1 {
    const [a, b] = this.aligned(Decimal.from(other));
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(other: DecimalInput): boolean {
    return this.compare(other) === 0;
  }
  lt(other: DecimalInput): boolean {
    return this.compare(other) < 0;
  }
  lte(other: DecimalInput): boolean {
    return this.compare(other) <= 0;
  }
  gt(other: DecimalInput): boolean {
    return this.compare(other) > 0;
  }
  gte(other: DecimalInput): boolean {
    return this.compare(other) >= 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }
  isNegative(): boolean {
    return this.units < 0n;
  }
  isPositive(): boolean {
    return this.units > 0n;
  }

  neg(): Decimal {
    return Decimal.of(-this.units, this.scale);
  }

  abs(): Decimal {
    return this.units < 0n ? this.neg() : this;
  }

  min(other: DecimalInput): Decimal {
    const o = Decimal.from(other);
    return this.compare(o) <= 0 ? this : o;
  }

  max(other: DecimalInput): Decimal {
    const o = Decimal.from(other);
    return this.compare(o) >= 0 ? this : o;
  }

  /** Plain notation, never an exponent, no trailing zeros: `-0.00012`, `1500`. */
  toString(): string {
    const negative = this.units < 0n;
    let digits = (negative ? -this.units : this.units).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      const cut = digits.length - this.scale;
      digits = `${digits.slice(0, cut)}.${digits.slice(cut)}`;
    }
    return negative ? `-${digits}` : digits;
  }

  /** Exactly `digits` decimal places (padded with zeros), rounded with `mode`; for display. */
  toFixed(digits: number, mode: RoundingMode = 'half-up'): string {
    const rounded = this.round(digits, mode);
    const text = rounded.toString();
    if (digits === 0) return text;
    const dot = text.indexOf('.');
    const have = dot === -1 ? 0 : text.length - dot - 1;
    return (dot === -1 ? `${text}.` : text) + '0'.repeat(digits - have);
  }

  /** Serialises as the exact string, so JSON round-trips without float loss. */
  toJSON(): string {
    return this.toString();
  }

  /** The nearest double (for analytics and charts, never for booking). */
  toNumber(): number {
    return Number(this.toString());
  }
}

/** Shorthand for `Decimal.from`. */
export function dec(value: DecimalInput): Decimal {
  return Decimal.from(value);
}
