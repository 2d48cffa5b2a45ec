import { z } from 'zod';
import { listSignals, listTradeRows, type SignalFilter } from '../db/queries/signal-log';
import type { Order, Position, Signal } from '../db/schema';
import { signalSource, signalStatus } from '../db/schema';
import type { Db } from '../db/client';
import { csvStream, decimalText } from './csv';
import { decodeCursor, pageOf } from './cursor';

const PAGE = 500;
const dateTime = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((v) => new Date(v));

export const signalLogQuery = z.object({
  source: z.enum(signalSource.enumValues).optional(),
  status: z.enum(signalStatus.enumValues).optional(),
  symbol: z.string().trim().min(1).max(40).optional(),
  botId: z.uuid().optional(),
  from: dateTime.optional(),
  to: dateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type SignalLogQuery = z.infer<typeof signalLogQuery>;

export const tradeExportQuery = z.object({ from: dateTime.optional(), to: dateTime.optional() });

/** A page of the signal log: every signal with its decision, rule results and resulting order. */
export async function signalLog(db: Db, userId: string, query: SignalLogQuery) {
  const { limit, cursor, ...filter } = query;
  const rows = await listSignals(
    db,
    { userId, ...filter },
    { limit: limit + 1, cursor: decodeCursor(cursor) },
  );
  return pageOf(rows, limit);
}

export const SIGNAL_CSV_HEADER = [
  'DateTime',
  'TradingPair',
  'Action',
  'Strategy',
  'TimeFrame',
  'Confidence',
  'Source',
  'Decision',
  'Reason',
];
export const TRADE_CSV_HEADER = [
  'DateTime',
  'TradingPair',
  'Action',
  'TradeAmount',
  'Price',
  'Fees',
  'PnL',
  'OrderID',
  'Status',
  'ExitReason',
];

export function signalsCsv(db: Db, filter: SignalFilter): ReadableStream<Uint8Array> {
  return csvStream<Signal>(
    SIGNAL_CSV_HEADER,
    (after) =>
      listSignals(db, filter, {
        limit: PAGE,
        cursor: after ? { at: after.createdAt, id: after.id } : undefined,
      }),
    (s) => [
      s.createdAt.toISOString(),
      s.symbol,
      s.action,
      s.strategy,
      s.timeframe,
      s.confidence,
      s.source,
      s.status,
      s.reason,
    ],
  );
}

/** Every order (entries, take-profits, stop-losses, exits) with the P&L and exit reason of its closed position. */
export function tradesCsv(
  db: Db,
  filter: { userId: string; from?: Date; to?: Date },
): ReadableStream<Uint8Array> {
  return csvStream<{ order: Order; position: Position | null }>(
    TRADE_CSV_HEADER,
    (after) =>
      listTradeRows(db, filter, {
        limit: PAGE,
        cursor: after ? { at: after.order.createdAt, id: after.order.id } : undefined,
      }),
    ({ order, position }) => {
      const closing =
        order.role !== 'entry' && order.status === 'filled' && position?.status === 'closed';
      return [
        order.createdAt.toISOString(),
        order.symbol,
        order.side,
        decimalText(Number(order.filledQuantity) > 0 ? order.filledQuantity : order.quantity),
        decimalText(order.averagePrice ?? order.price),
        decimalText(order.fee),
        closing ? decimalText(position.realizedPnl) : null,
        order.exchangeOrderId ?? order.clientOrderId,
        order.status,
        closing ? position.exitReason : null,
      ];
    },
  );
}

export function csvResponse(stream: ReadableStream<Uint8Array>, name: string): Response {
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}
