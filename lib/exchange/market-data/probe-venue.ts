/**
 * Does the venue answer? One light public request (server time where the venue has it, else the
 * market list), given up after `timeoutMs`. Never throws.
 */
import { type Exchange as CcxtExchange } from 'ccxt';

export async function probeVenue(exchange: CcxtExchange, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const request = (async () => {
    if (exchange.has.fetchTime === true) await exchange.fetchTime();
    else await exchange.loadMarkets();
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
