/**
 * Version of the backtest engine's semantics. Bump it whenever a change can alter the trades or
 * metrics of a run (fill rules, ordering of events, sizing, metrics inputs), and regenerate the
 * golden fixtures on purpose (`UPDATE_GOLDEN=1`). Stored with every run so it can be reproduced.
 */
export const ENGINE_VERSION = '1.0.0';
