import { QUOTE_PREFERENCE, readSymbolInput, resolveSymbol } from '../exchange/symbols';
import type { Market } from '../exchange/types';

export type AlertSymbol =
  { ok: true; symbol: string; resolved: boolean } | { ok: false; message: string };

/**
 * The venue symbol of an alert's ticker. With the venue's markets at hand it is resolved exactly
 * (unknown → refused); without them (a slow venue) it is read from its spelling alone and the
 * worker checks it again before trading.
 */
export function resolveAlertSymbol(
  input: string,
  markets: ReadonlyMap<string, Market> | null,
): AlertSymbol {
  if (markets) {
    const resolution = resolveSymbol(input, markets);
    return resolution.ok
      ? { ok: true, symbol: resolution.symbol, resolved: true }
      : { ok: false, message: resolution.message };
  }
  const parsed = readSymbolInput(input);
  if (parsed.kind === 'pair')
    return { ok: true, symbol: `${parsed.base}/${parsed.quote}`, resolved: false };
  if (parsed.kind === 'compact') {
    const quote = [...QUOTE_PREFERENCE]
      .sort((a, b) => b.length - a.length)
      .find((q) => parsed.text.endsWith(q) && parsed.text.length > q.length);
    if (quote)
      return {
        ok: true,
        symbol: `${parsed.text.slice(0, -quote.length)}/${quote}`,
        resolved: false,
      };
  }
  if (parsed.kind === 'derivative')
    return {
      ok: false,
      message: `${input.trim()} is a futures/perpetual contract; Osprey trades spot markets only.`,
    };
  return {
    ok: false,
    message: `"${input.trim()}" is not a symbol this venue lists. Use BASE/QUOTE or e.g. BINANCE:BTCUSDT.`,
  };
}
