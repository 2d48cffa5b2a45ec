/**
 * TanStack Query keys for the data live events touch. Pages use these keys for their queries so
 * an event can invalidate or update them (see `components/realtime/apply-realtime-event.ts`).
 * Keys are hierarchical: invalidating `queryKeys.bots.all` also invalidates every bot's detail.
 * Browser code imports this file: no server imports.
 */
export const queryKeys = {
  bots: {
    all: ['bots'] as const,
    detail: (botId: string) => ['bots', botId] as const,
    cycles: (botId: string) => ['bots', botId, 'cycles'] as const,
    logs: (botId: string) => ['bots', botId, 'logs'] as const,
  },
  positions: { all: ['positions'] as const },
  orders: { all: ['orders'] as const },
  signals: { all: ['signals'] as const },
  decisions: { all: ['decisions'] as const },
  /** Balances and P&L summaries change when positions open and close. */
  portfolio: { all: ['portfolio'] as const },
  prices: {
    all: ['prices'] as const,
    symbol: (venue: string, symbol: string) => ['prices', venue, symbol] as const,
    /** The price one account trades `symbol` at (the bot grid's live price and P&L). */
    account: (accountId: string, symbol: string) =>
      ['prices', 'account', accountId, symbol] as const,
  },
  jobs: {
    all: ['jobs'] as const,
    detail: (jobId: string) => ['jobs', jobId] as const,
  },
  backtests: { all: ['backtests'] as const },
  /** The admin console's live tail of the system log (newest last, capped). */
  systemLog: { live: ['system-log', 'live'] as const },
} as const;
