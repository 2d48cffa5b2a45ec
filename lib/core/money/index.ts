export { Decimal, DecimalError, dec, type DecimalInput } from './decimal';
export { decimalSchema } from './decimal-schema';
export { divRound, ROUNDING_MODES, type RoundingMode } from './rounding';
