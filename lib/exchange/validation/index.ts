export { assertValidOrder, findOrderViolation } from './validate-order';
export { assertValidOco, findOcoViolation } from './validate-oco';
export { type OrderViolation, type ValidationContext } from './order-violation';
