import { listExchangeAccounts } from '@/lib/db/queries/exchange-accounts';
import { getSetting } from '@/lib/db/queries/settings';
import { riskSettingsOf } from '@/lib/db/queries/risk-inputs';
import type { ExchangeAccount } from '@/lib/db/schema';
import { getTrading } from '@/lib/trading/runtime';

/** Last prices by `accountId|symbol`; a venue that cannot answer leaves its symbols out. */
export async function loadPrices(
  accounts: readonly ExchangeAccount[],
  pairs: readonly { accountId: string; symbol: string }[],
): Promise<Record<string, number>> {
  const { deps } = getTrading();
  const unique = [...new Set(pairs.map((p) => `${p.accountId}|${p.symbol}`))];
  const out: Record<string, number> = {};
  await Promise.all(
    unique.map(async (key) => {
      const [accountId, symbol] = key.split('|') as [string, string];
      const account = accounts.find((a) => a.id === accountId);
      if (!account) return;
      try {
        const exchange = await deps.exchangeFor(account);
        out[key] = (await exchange.fetchTicker(symbol)).last;
      } catch {
        // A venue that is down shows a dash; the page still renders.
      }
    }),
  );
  return out;
}

/** The banners every trading page shows: simulated market data, kill switches. */
export async function loadBanners(userId: string) {
  const { deps, registry } = getTrading();
  const [feed, globalKill, risk] = await Promise.all([
    registry.paperFeed().catch(() => null),
    getSetting(deps.db, 'kill_switch'),
    riskSettingsOf(deps.db, userId),
  ]);
  return { simulated: feed?.source() === 'simulated', globalKill, userKill: risk.killSwitch };
}

export async function loadAccounts(userId: string) {
  return listExchangeAccounts(getTrading().deps.db, userId);
}
