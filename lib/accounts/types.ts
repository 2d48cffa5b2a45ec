import type { Exchange } from '../exchange/types';

/** The venue behind an account, as the connection test needs it. */
export type ExchangeInput = Pick<Exchange, 'fetchBalance' | 'capabilities' | 'venue'>;
