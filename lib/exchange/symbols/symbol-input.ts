/**
 * What users paste as a symbol, read without any market list: `BTC/USDT`, `btc-usdt`,
 * `btc_usdt`, `BTC USDT`, `BINANCE:BTCUSDT`, `BTCUSDT`, `btc`. Perpetual and dated futures
 * spellings (`BTCUSDT.P`, `BTC-PERP`, `BTC-USDT-SWAP`, `BTC/USDT:USDT`, `BTCUSDT_240628`) are
 * recognised so they can be refused clearly: Osprey trades spot.
 */

export type SymbolInput =
  | { kind: 'empty' }
  /** Base and quote were separated (`BTC/USDT`, `btc-usdt`). */
  | { kind: 'pair'; base: string; quote: string }
  /** One run of letters and digits (`BTCUSDT` or `BTC`). */
  | { kind: 'compact'; text: string }
  /** A derivatives spelling; `base`/`quote` when they could be read. */
  | { kind: 'derivative'; text: string; base?: string; quote?: string }
  | { kind: 'invalid'; text: string };

const ASSET = /^[A-Z0-9]{1,20}$/;
const SEPARATORS = /[/\-_\s]+/;

/** `BINANCE:BTCUSDT` → `BTCUSDT` (a TradingView-style venue prefix), unless the colon is a ccxt settle suffix. */
function stripVenuePrefix(text: string): string {
  const match = /^([A-Z][A-Z0-9_.]*):(.+)$/.exec(text);
  return match?.[2] && !match[1]?.includes('/') ? match[2] : text;
}

/** Reads base and quote of a compact derivative name once its suffix is cut off. */
function derivative(text: string, body: string): SymbolInput {
  const parts = body.split(SEPARATORS).filter(Boolean);
  if (parts.length === 2 && parts.every((p) => ASSET.test(p))) {
    return { kind: 'derivative', text, base: parts[0], quote: parts[1] };
  }
  return {
    kind: 'derivative',
    text,
    ...(parts.length === 1 && parts[0] ? { base: parts[0] } : {}),
  };
}

export function readSymbolInput(raw: string): SymbolInput {
  const text = raw.trim().toUpperCase();
  if (text === '') return { kind: 'empty' };
  const body = stripVenuePrefix(text);

  const settle = /^([A-Z0-9]+)\/([A-Z0-9]+):[A-Z0-9-]+$/.exec(body);
  if (settle?.[1] && settle[2])
    return { kind: 'derivative', text, base: settle[1], quote: settle[2] };
  const perp = /^(.+?)(?:\.P|[-_]?PERP(?:ETUAL)?|[-_]SWAP)$/.exec(body);
  if (perp?.[1]) return derivative(text, perp[1]);
  const dated = /^(.+?)[-_]\d{6}$/.exec(body);
  if (dated?.[1]) return derivative(text, dated[1]);

  const parts = body.split(SEPARATORS).filter(Boolean);
  if (parts.length === 1 && parts[0] && ASSET.test(parts[0]))
    return { kind: 'compact', text: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1] && ASSET.test(parts[0]) && ASSET.test(parts[1])) {
    return { kind: 'pair', base: parts[0], quote: parts[1] };
  }
  return { kind: 'invalid', text };
}
