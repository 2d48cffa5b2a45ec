'use client';

import { useState } from 'react';
import { formatPrice, formatSignedMoney, formatSignedPercent, toneClass } from '@/lib/format';
import { livePositionFigures, type PositionFigures } from './live-position-figures';
import { useLivePrice } from './use-live-price';

/**
 * A bot card's "Price" and "Position" cells, following `price:tick` events between server
 * renders. A tick that was already there when the server's figures last changed is older than
 * them and is ignored.
 */
export function LiveBotFigures({
  accountId,
  symbol,
  price,
  position,
}: {
  accountId: string;
  symbol: string;
  price: number | null;
  position: PositionFigures | null;
}) {
  const tick = useLivePrice(accountId, symbol);
  const [baseline, setBaseline] = useState({ price, position, tick });
  if (baseline.price !== price || baseline.position !== position) {
    setBaseline({ price, position, tick });
  }
  const fresh = tick && tick !== baseline.tick && Number.isFinite(Number(tick.price));
  const shown = fresh
    ? livePositionFigures({ price, position }, Number(tick.price))
    : { price, position };
  return (
    <>
      <div>
        <dt className="text-slate-500">Price</dt>
        <dd
          className="font-mono text-sm tabular-nums text-slate-100"
          data-testid="bot-price"
          data-live={fresh ? 'true' : undefined}
        >
          {formatPrice(shown.price)}
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Position</dt>
        <dd className={`font-mono text-sm tabular-nums ${toneClass(shown.position?.pnl)}`}>
          {shown.position ? (
            <>
              {formatSignedMoney(shown.position.pnl)}
              <span className="block text-[11px]">
                {formatSignedPercent(shown.position.pnlPct)}
              </span>
            </>
          ) : (
            <span className="text-slate-500">flat</span>
          )}
        </dd>
      </div>
    </>
  );
}
