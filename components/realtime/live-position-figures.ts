/**
 * A bot card's price and open-position P&L, moved to a live tick. The server rendered `price`
 * and the position's `pnl` (value at that price minus entry cost, fees included); a tick moves
 * both by the price difference, so the entry cost stays the server's exact one.
 */
export interface PositionFigures {
  quantity: string;
  entryPrice: string;
  pnl: number | null;
  pnlPct: number | null;
}

export function livePositionFigures(
  rendered: { price: number | null; position: PositionFigures | null },
  tickPrice: number,
): { price: number; position: PositionFigures | null } {
  const { price, position } = rendered;
  if (!position) return { price: tickPrice, position: null };
  const quantity = Number(position.quantity);
  let pnl: number;
  let cost: number;
  if (price !== null && position.pnl !== null) {
    cost = quantity * price - position.pnl;
    pnl = position.pnl + quantity * (tickPrice - price);
  } else {
    cost = quantity * Number(position.entryPrice);
    pnl = quantity * tickPrice - cost;
  }
  return {
    price: tickPrice,
    position: { ...position, pnl, pnlPct: cost > 0 ? (pnl / cost) * 100 : null },
  };
}
