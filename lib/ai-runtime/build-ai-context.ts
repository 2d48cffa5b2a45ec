/**
 * The market context of one AI decision for a bot: its closed candles, its open position with the
 * plan it was opened with, the account's quote balance and the bot's recent closed trades.
 */
import { type AiMarketContext, type AiPositionContext } from '../ai';
import { type Candle, type Timeframe } from '../core/types';
import { type Db } from '../db/client';
import { recentClosedPositions } from '../db/queries/positions';
import { type AiDecisionRow, type Bot, type Position } from '../db/schema';
import { type Exchange } from '../exchange/types';
import { closedTrades } from '../trading/bot-decision';
import { invalidationOf } from './invalidation';

/** Trades the prompt's track record reads (the AI layer uses the last 15). */
const TRACK_RECORD_TRADES = 15;

const num = (value: string | null | undefined) => (value == null ? null : Number(value));

export function positionContext(
  position: Position,
  opening: AiDecisionRow | undefined,
): AiPositionContext {
  return {
    side: 'buy',
    entryPrice: Number(position.entryPrice),
    quantity: Number(position.quantity),
    entryTime: position.openedAt.getTime(),
    stopLoss: num(position.stopLoss),
    takeProfit: num(position.takeProfit),
    invalidation: opening ? invalidationOf(opening.parsed) : null,
  };
}

/** The quote asset's balance on the account (what a buy would spend). */
export async function quoteBalance(
  exchange: Exchange,
  symbol: string,
): Promise<AiMarketContext['balance']> {
  const market = (await exchange.loadMarkets()).get(symbol);
  const asset = market?.quote ?? symbol.split('/')[1] ?? 'USDT';
  const row = (await exchange.fetchBalance()).find((b) => b.asset === asset);
  const free = Number(row?.free ?? 0);
  return { asset, free, total: free + Number(row?.locked ?? 0) };
}

export async function buildAiContext(
  db: Db,
  params: {
    bot: Pick<Bot, 'id' | 'symbol' | 'timeframe'>;
    candles: readonly Candle[];
    position: Position | null;
    opening: AiDecisionRow | undefined;
    exchange: Exchange;
  },
): Promise<AiMarketContext> {
  const { bot } = params;
  return {
    symbol: bot.symbol,
    timeframe: bot.timeframe as Timeframe,
    candles: params.candles,
    position: params.position ? positionContext(params.position, params.opening) : null,
    balance: await quoteBalance(params.exchange, bot.symbol),
    closedTrades: closedTrades(await recentClosedPositions(db, bot.id, TRACK_RECORD_TRADES)),
  };
}
