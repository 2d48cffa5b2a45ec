import Link from 'next/link';
import { BotControls } from '@/components/bots/bot-controls';
import { BotStatusBadge } from '@/components/bots/bot-status-badge';
import { TradingBanners } from '@/components/dashboard/banners';
import { Countdown } from '@/components/dashboard/countdown';
import { LiveRefresh } from '@/components/dashboard/live-refresh';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, Table, Td, Th } from '@/components/ui/table';
import { Toaster } from '@/components/ui/toast';
import { botStrategyLabels } from '@/lib/ai-runtime/ai-bot-strategy';
import { requireUser } from '@/lib/auth/current-user';
import { botRealisedSummary, listUserBots } from '@/lib/db/queries/bots';
import { openPositions } from '@/lib/db/queries/positions';
import { formatPrice, formatSignedMoney, toneClass } from '@/lib/format';
import { getTrading } from '@/lib/trading/runtime';
import { loadAccounts, loadBanners, loadPrices } from '../dashboard/load-market';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Bots' };

export default async function BotsPage() {
  const user = await requireUser();
  const db = getTrading().deps.db;
  const [bots, positions, accounts, banners] = await Promise.all([
    listUserBots(db, user.id),
    openPositions(db, { userId: user.id }),
    loadAccounts(user.id),
    loadBanners(user.id),
  ]);
  const [prices, realised] = await Promise.all([
    loadPrices(
      accounts,
      bots.map((b) => ({ accountId: b.exchangeAccountId, symbol: b.symbol })),
    ),
    Promise.all(bots.map((b) => botRealisedSummary(db, b.id))),
  ]);
  const strategyLabel = await botStrategyLabels(db, user.id, bots);
  const accountLabel = Object.fromEntries(accounts.map((a) => [a.id, a.label]));
  return (
    <div className="space-y-6">
      <LiveRefresh />
      <Toaster />
      <div className="flex items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-100">Bots</h1>
          <p className="text-sm text-slate-400">
            Each bot trades one symbol with one strategy, one cycle per interval.
          </p>
        </div>
        <Link
          href="/bots/new"
          className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong"
        >
          New bot
        </Link>
      </div>
      <TradingBanners {...banners} />
      <Card>
        {bots.length === 0 ? (
          <EmptyState
            title="No bots yet"
            action={
              <Link
                href="/bots/new"
                className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong"
              >
                Create a bot
              </Link>
            }
          >
            Pick a symbol and a rule strategy; the bot trades on your paper account until you
            connect an exchange.
          </EmptyState>
        ) : (
          <Table label="Bots">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Market</Th>
                <Th>Strategy</Th>
                <Th className="text-right">Price</Th>
                <Th className="text-right">Open P&amp;L</Th>
                <Th className="text-right">Realised</Th>
                <Th>Next cycle</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {bots.map((bot, i) => {
                const price = prices[`${bot.exchangeAccountId}|${bot.symbol}`] ?? null;
                const open = positions.find((p) => p.botId === bot.id);
                const pnl =
                  open && price !== null
                    ? Number(open.quantity) * price - Number(open.entryCost)
                    : null;
                const summary = realised[i];
                return (
                  <tr key={bot.id} data-testid="bot-row">
                    <Td>
                      <Link
                        href={`/bots/${bot.id}`}
                        className="font-medium text-slate-100 hover:underline"
                      >
                        {bot.name}
                      </Link>
                    </Td>
                    <Td>
                      <BotStatusBadge status={bot.status} />
                    </Td>
                    <Td className="text-slate-300">
                      {bot.symbol} · {bot.timeframe}
                      <span className="block text-xs text-slate-500">
                        {accountLabel[bot.exchangeAccountId]}
                      </span>
                    </Td>
                    <Td className="text-slate-300">{strategyLabel[bot.id]}</Td>
                    <NumTd>{formatPrice(price)}</NumTd>
                    <NumTd className={toneClass(pnl)}>
                      {open ? formatSignedMoney(pnl) : <span className="text-slate-500">flat</span>}
                    </NumTd>
                    <NumTd className={toneClass(summary?.realised)}>
                      {formatSignedMoney(summary?.realised)}
                      <span className="block text-xs text-slate-500">
                        {summary?.closedTrades ?? 0} trades
                      </span>
                    </NumTd>
                    <Td>
                      {bot.status === 'running' ? (
                        <Countdown target={bot.nextCycleAt?.toISOString() ?? null} />
                      ) : (
                        <span className="text-slate-500">—</span>
                      )}
                    </Td>
                    <Td>
                      <BotControls
                        botId={bot.id}
                        botName={bot.name}
                        status={bot.status}
                        size="sm"
                      />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
