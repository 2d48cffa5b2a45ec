/**
 * What each live event does to the TanStack Query cache: small facts (a price, a job's progress,
 * a log line) are written straight into the cache; anything else invalidates the queries that
 * show it, and the pages on screen refetch. The mapping lives here, in one place.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { LogLineEvent, RealtimeEvent, RealtimeEventMap } from '@/lib/realtime/events';
import { queryKeys } from '@/lib/realtime/query-keys';

/** How many system-log lines the admin console's live tail keeps. */
export const LIVE_LOG_LIMIT = 500;

type Effects = {
  [E in RealtimeEvent]: (client: QueryClient, payload: RealtimeEventMap[E]) => void;
};

const invalidate = (client: QueryClient, ...keys: (readonly unknown[])[]) => {
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
};

const effects: Effects = {
  'bot:status': (client, e) => {
    client.setQueryData(queryKeys.bots.detail(e.botId), (bot: unknown) =>
      bot && typeof bot === 'object' ? { ...bot, status: e.status } : bot,
    );
    invalidate(client, queryKeys.bots.all);
  },
  'bot:log': (client, e) => invalidate(client, queryKeys.bots.logs(e.botId)),
  'cycle:started': () => undefined,
  'cycle:finished': (client, e) => invalidate(client, queryKeys.bots.cycles(e.botId)),
  'decision:made': (client) => invalidate(client, queryKeys.decisions.all),
  'signal:received': (client) => invalidate(client, queryKeys.signals.all),
  'signal:decided': (client) => invalidate(client, queryKeys.signals.all),
  'order:updated': (client) => invalidate(client, queryKeys.orders.all),
  'position:opened': (client, e) =>
    invalidate(client, queryKeys.positions.all, queryKeys.portfolio.all, ...botKey(e.botId)),
  'position:closed': (client, e) =>
    invalidate(client, queryKeys.positions.all, queryKeys.portfolio.all, ...botKey(e.botId)),
  'price:tick': (client, e) => {
    client.setQueryData(queryKeys.prices.symbol(e.venue, e.symbol), e);
    client.setQueryData(queryKeys.prices.account(e.accountId, e.symbol), e);
  },
  'log:line': (client, e) =>
    client.setQueryData<LogLineEvent[]>(queryKeys.systemLog.live, (lines = []) =>
      [...lines, e].slice(-LIVE_LOG_LIMIT),
    ),
  'job:progress': (client, e) => {
    client.setQueryData(queryKeys.jobs.detail(e.jobId), e);
    if (e.status === 'completed' || e.status === 'failed') {
      invalidate(client, queryKeys.jobs.all);
      if (e.kind === 'backtest') invalidate(client, queryKeys.backtests.all);
    }
  },
};

function botKey(botId: string | null): (readonly unknown[])[] {
  return botId ? [queryKeys.bots.detail(botId)] : [];
}

export function applyRealtimeEvent<E extends RealtimeEvent>(
  client: QueryClient,
  event: E,
  payload: RealtimeEventMap[E],
): void {
  const effect = effects[event] as
    ((client: QueryClient, payload: RealtimeEventMap[E]) => void) | undefined;
  effect?.(client, payload);
}

/** After a reconnect, events may have been missed: refetch everything live events touch. */
export function resyncQueries(client: QueryClient): void {
  invalidate(
    client,
    queryKeys.bots.all,
    queryKeys.positions.all,
    queryKeys.orders.all,
    queryKeys.signals.all,
    queryKeys.decisions.all,
    queryKeys.portfolio.all,
    queryKeys.jobs.all,
    queryKeys.backtests.all,
  );
}
