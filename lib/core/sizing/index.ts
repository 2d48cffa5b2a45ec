export { sizePosition } from './size-position';
export { sizingCapsFromPolicy } from './sizing-caps-from-policy';
export { roundPriceToTick, roundQuantityDown, stepDecimals, type Rounded } from './step-rounding';
export * from './types';
