import type { ReactNode } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BotControls } from '@/components/bots/bot-controls';
import { BotStatusBadge } from '@/components/bots/bot-status-badge';
import { BotCycles, BotLog, BotTrades } from '@/components/bots/bot-tables';
import { DeleteBotButton } from '@/components/bots/delete-bot-button';
import { CandleChart, type PriceLine, type TradeMarker } from '@/components/charts/candle-chart';
import { TradingBanners } from '@/components/dashboard/banners';
import { Countdown } from '@/components/dashboard/countdown';
import { LiveRefresh } from '@/components/dashboard/live-refresh';
import { ClosePositionButton } from '@/components/trade/close-position-button';
import { Card } from '@/components/ui/card';
import { Stat } from '@/components/ui/stat';
import { Toaster } from '@/components/ui/toast';
import { botStrategyLabels } from '@/lib/ai-runtime/ai-bot-strategy';
import { requireUser } from '@/lib/auth/current-user';
import { TIMEFRAME_MS, type Candle, type Timeframe } from '@/lib/core/types';
import { botRealisedSummary, findUserBot } from '@/lib/db/queries/bots';
import { botCyclesView, botLogsView, botPositionsView } from '@/lib/db/queries/views/bot-detail';
import {
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  formatSignedMoney,
  formatSignedPercent,
  toneClass,
} from '@/lib/format';
import type { RealtimeEvent } from '@/lib/realtime/events';
import { getTrading } from '@/lib/trading/runtime';
import { loadAccounts, loadBanners } from '../../dashboard/load-market';
import { isUuid } from '@/lib/core/is-uuid';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Bot' };

const LIVE_EVENTS: readonly RealtimeEvent[] = [
  'bot:status',
  'bot:log',
  'cycle:finished',
  'decision:made',
  'order:updated',
  'position:opened',
  'position:closed',
];

export default async function BotPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { deps } = getTrading();
  const bot = await findUserBot(deps.db, { userId: user.id, id });
  if (!bot) notFound();
  const strategyLabel = (await botStrategyLabels(deps.db, user.id, [bot]))[bot.id];
  const [cycles, logs, positions, summary, accounts, banners] = await Promise.all([
    botCyclesView(deps.db, bot.id),
    botLogsView(deps.db, bot.id),
    botPositionsView(deps.db, bot.id),
    botRealisedSummary(deps.db, bot.id),
    loadAccounts(user.id),
    loadBanners(user.id),
  ]);
  const account = accounts.find((a) => a.id === bot.exchangeAccountId);
  const tf = (bot.timeframe in TIMEFRAME_MS ? bot.timeframe : '1m') as Timeframe;
  const now = Date.now();
  let candles: Candle[] = [];
  let price: number | null = null;
  if (account) {
    try {
      const exchange = await deps.exchangeFor(account);
      [candles, price] = await Promise.all([
        exchange.fetchOHLCV({
          symbol: bot.symbol,
          timeframe: tf,
          since: now - 90 * TIMEFRAME_MS[tf],
          limit: 90,
        }),
        exchange.fetchTicker(bot.symbol).then((t) => t.last),
      ]);
    } catch {
      // The chart says it has no candles; the rest of the page still works.
    }
  }
  const open = positions.find((p) => p.status !== 'closed') ?? null;
  const openPnl =
    open && price !== null ? Number(open.quantity) * price - Number(open.entryCost) : null;
  const markers: TradeMarker[] = positions.flatMap((p) => [
    { kind: 'entry' as const, time: p.openedAt.getTime(), price: Number(p.entryPrice) },
    ...(p.closedAt && p.exitPrice
      ? [{ kind: 'exit' as const, time: p.closedAt.getTime(), price: Number(p.exitPrice) }]
      : []),
  ]);
  const lines: PriceLine[] = open
    ? [
        { label: 'Entry', price: Number(open.entryPrice), tone: 'neutral' as const },
        ...(open.takeProfit
          ? [{ label: 'TP', price: Number(open.takeProfit), tone: 'profit' as const }]
          : []),
        ...(open.stopLoss
          ? [{ label: 'SL', price: Number(open.stopLoss), tone: 'loss' as const }]
          : []),
      ]
    : [];
  const winRate = positions.filter((p) => p.status === 'closed').length;
  const wins = positions.filter((p) => p.status === 'closed' && Number(p.realizedPnl) > 0).length;

  return (
    <div className="space-y-6">
      <LiveRefresh events={LIVE_EVENTS} filter={{ botId: bot.id }} />
      <Toaster />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-400">
            <Link href="/bots" className="hover:underline">
              Bots
            </Link>{' '}
            /
          </p>
          <h1 className="flex items-center gap-3 text-2xl font-bold text-slate-100">
            {bot.name} <BotStatusBadge status={bot.status} />
          </h1>
          <p className="text-sm text-slate-400">
            {bot.symbol} · {bot.timeframe} candles · every {Math.round(bot.intervalSeconds / 60)}{' '}
            min · {strategyLabel} · {account?.label ?? 'account'}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <BotControls botId={bot.id} botName={bot.name} status={bot.status} />
          <Link
            href={`/bots/${bot.id}/edit`}
            className="rounded-md border border-surface-border bg-surface-raised px-4 py-2 text-sm text-slate-200 hover:bg-slate-800"
          >
            Edit
          </Link>
          <DeleteBotButton botId={bot.id} botName={bot.name} disabled={bot.status !== 'stopped'} />
        </div>
      </div>
      <TradingBanners {...banners} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Last price" value={formatPrice(price)} />
        <Stat
          label="Next cycle"
          value={
            bot.status === 'running' ? (
              <Countdown target={bot.nextCycleAt?.toISOString() ?? null} />
            ) : (
              '—'
            )
          }
        />
        <Stat
          label="Open P&L"
          value={open ? formatSignedMoney(openPnl) : 'flat'}
          valueClass={toneClass(openPnl)}
        />
        <Stat
          label="Realised P&L"
          value={formatSignedMoney(summary.realised)}
          valueClass={toneClass(summary.realised)}
        />
        <Stat label="Trades" value={summary.closedTrades} hint="closed" />
        <Stat
          label="Win rate"
          value={winRate ? formatPercent((wins / winRate) * 100, 0) : '—'}
          hint="last 50"
        />
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card title="Chart" className="min-w-0 xl:col-span-2">
          <CandleChart
            label={`${bot.symbol} ${bot.timeframe} candles with trades`}
            candles={candles}
            barMs={TIMEFRAME_MS[tf]}
            markers={markers}
            lines={lines}
          />
        </Card>
        <Card title="Position">
          {open ? (
            <dl className="space-y-2 text-sm" data-testid="bot-open-position">
              <Row label="Quantity" value={formatQty(open.quantity)} />
              <Row label="Entry" value={formatPrice(open.entryPrice)} />
              <Row
                label="Take-profit"
                value={<span className="text-profit">{formatPrice(open.takeProfit)}</span>}
              />
              <Row
                label="Stop-loss"
                value={<span className="text-loss">{formatPrice(open.stopLoss)}</span>}
              />
              <Row label="Protection" value={open.protection.replace('_', ' ')} />
              <Row
                label="P&L"
                value={
                  <span className={toneClass(openPnl)}>
                    {formatSignedMoney(openPnl)} (
                    {formatSignedPercent(
                      openPnl === null ? null : (openPnl / Number(open.entryCost)) * 100,
                    )}
                    )
                  </span>
                }
              />
              <div className="pt-2">
                {open.status === 'open' && (
                  <ClosePositionButton
                    positionId={open.id}
                    symbol={open.symbol}
                    quantity={open.quantity}
                  />
                )}
              </div>
            </dl>
          ) : (
            <p className="text-sm text-slate-400">
              Flat. The bot buys when its strategy signals and the risk checks pass.
            </p>
          )}
          <dl className="mt-6 space-y-2 border-t border-surface-border pt-4 text-sm">
            <Row
              label="Trade amount"
              value={`${formatMoney(bot.tradeAmount)} (${bot.sizingMode})`}
            />
            <Row
              label="Stop-loss / take-profit"
              value={`${bot.stopLossPct ? formatPercent(bot.stopLossPct, 1) : '—'} / ${bot.takeProfitPct ? formatPercent(bot.takeProfitPct, 1) : '—'}`}
            />
            <Row
              label="Max hold"
              value={bot.maxHoldMinutes ? `${bot.maxHoldMinutes} min` : 'off'}
            />
          </dl>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-6 2xl:grid-cols-2">
        <Card title="Decisions">
          <BotCycles cycles={cycles} />
        </Card>
        <Card title="Trades">
          <BotTrades positions={positions} />
        </Card>
      </div>
      <Card title="Log">
        <BotLog lines={logs} />
      </Card>
    </div>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-slate-400">{label}</dt>
      <dd className="text-right font-mono tabular-nums text-slate-100">{value}</dd>
    </div>
  );
}
