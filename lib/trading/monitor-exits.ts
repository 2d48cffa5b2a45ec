import { Decimal } from '../core/money';
import { openPositions } from '../db/queries/positions';
import type { ExchangeAccount, Position } from '../db/schema';
import type { Exchange, Market } from '../exchange/types';
import { logSystem } from '../log/system-log';
import { closePosition, type CloseResult } from './close-position';
import type { TradingDeps } from './deps';
import { syncOcoLegRecords } from './open-position';
import { settlePosition } from './settle-position';

export interface MonitorReport {
  checked: number;
  closed: { positionId: string; reason: string }[];
  errors: { positionId: string; message: string }[];
}

/**
 * One pass of the exit monitor over an account's open positions (DESIGN §4): a native OCO is
 * read from the venue (a filled leg settles the position; the venue cancelled the other leg);
 * an emulated OCO is checked against the latest price; max hold time forces a close. Safe to
 * run from several workers: closing takes the position row first.
 */
export async function monitorExits(
  deps: TradingDeps,
  account: ExchangeAccount,
  exchange: Exchange,
): Promise<MonitorReport> {
  const report: MonitorReport = { checked: 0, closed: [], errors: [] };
  const positions = (await openPositions(deps.db, { accountId: account.id })).filter(
    (p) => p.status === 'open',
  );
  if (positions.length === 0) return report;
  const markets = await exchange.loadMarkets();
  const prices = new Map<string, number>();
  for (const position of positions) {
    report.checked += 1;
    try {
      const market = markets.get(position.symbol);
      if (!market) throw new Error(`market ${position.symbol} is not listed any more`);
      const outcome = await checkPosition(deps, exchange, market, position, prices);
      if (outcome) report.closed.push({ positionId: position.id, reason: outcome });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report.errors.push({ positionId: position.id, message });
      await logSystem(deps.db, {
        level: 'warn',
        source: 'exit-monitor',
        message: `Position ${position.id}: ${message}`,
        context: { positionId: position.id },
      });
    }
  }
  return report;
}

async function checkPosition(
  deps: TradingDeps,
  exchange: Exchange,
  market: Market,
  position: Position,
  prices: Map<string, number>,
): Promise<string | null> {
  const now = deps.now();
  if (position.protection === 'native_oco' && position.ocoClientId) {
    const oco = await exchange.fetchOco(position.symbol, { clientOcoId: position.ocoClientId });
    if (oco) {
      await syncOcoLegRecords(deps, position.id, oco);
      const filled = oco.legs.find((leg) => leg.status === 'filled');
      if (filled) {
        const reason = oco.legs.indexOf(filled) === 0 ? 'take_profit' : 'stop_loss';
        await settlePosition(deps, position, market, filled, reason);
        return reason;
      }
    }
  }
  if (position.maxHoldUntil && position.maxHoldUntil.getTime() <= now.getTime()) {
    return closedReason(
      await closePosition(deps, position.id, 'timeout', { exchange, market }),
      'timeout',
    );
  }
  if (position.protection !== 'emulated') return null;
  let last = prices.get(position.symbol);
  if (last === undefined) {
    last = (await exchange.fetchTicker(position.symbol)).last;
    prices.set(position.symbol, last);
  }
  const price = Decimal.from(last);
  if (position.stopLoss && price.lte(position.stopLoss)) {
    return closedReason(
      await closePosition(deps, position.id, 'stop_loss', { exchange, market }),
      'stop_loss',
    );
  }
  if (position.takeProfit && price.gte(position.takeProfit)) {
    return closedReason(
      await closePosition(deps, position.id, 'take_profit', { exchange, market }),
      'take_profit',
    );
  }
  return null;
}

function closedReason(result: CloseResult, reason: string): string | null {
  if (result.status === 'failed') throw new Error(result.message);
  return result.status === 'closed' ? reason : null;
}
