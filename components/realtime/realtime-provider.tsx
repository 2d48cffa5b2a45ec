'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { applyRealtimeEvent, resyncQueries } from './apply-realtime-event';
import {
  createRealtimeConnection,
  fetchRealtimeToken,
  type RealtimeConnection,
  type RealtimeStatus,
} from './realtime-connection';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/**
 * Client state for signed-in pages: one TanStack Query client, and one live-update connection
 * whose events update or invalidate that client's queries (see `apply-realtime-event.ts`).
 * Mount it once, inside the signed-in layout.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: true } },
      }),
  );
  const [connection] = useState(() => createRealtimeConnection({ fetchToken: fetchRealtimeToken }));

  useEffect(() => {
    const offEvents = connection.onAny((event, payload) =>
      applyRealtimeEvent(queryClient, event, payload),
    );
    const offResync = connection.onResync(() => resyncQueries(queryClient));
    connection.start();
    return () => {
      offEvents();
      offResync();
      connection.stop();
    };
  }, [connection, queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>
    </QueryClientProvider>
  );
}

export function useRealtimeConnection(): RealtimeConnection {
  const connection = useContext(RealtimeContext);
  if (!connection) throw new Error('useRealtimeConnection must be used inside <RealtimeProvider>');
  return connection;
}

/** The live connection's state, for an indicator: connecting, connected, reconnecting… */
export function useRealtimeStatus(): RealtimeStatus {
  const connection = useRealtimeConnection();
  return useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () => connection.status,
    () => 'idle',
  );
}
