/**
 * Turns whatever a user pasted into one of the venue's symbols (`btc` → `BTC/USDT`,
 * `BINANCE:BTCUSDT` → `BTC/USDT`), or says plainly why not and what they may have meant.
 */
import { AppError } from '../../errors/app-error';
import { type Market } from '../types';
import { QUOTE_PREFERENCE, marketList, quoteRank } from './quote-preference';
import { searchSymbols } from './search-symbols';
import { readSymbolInput } from './symbol-input';

export type SymbolResolution =
  | { ok: true; symbol: string; market: Market }
  | {
      ok: false;
      code: 'empty' | 'invalid' | 'derivative' | 'not_found' | 'inactive';
      message: string;
      /** Spot symbols the user may have meant, best first. */
      suggestions: string[];
    };

const SUGGESTIONS = 5;

function suggest(markets: Market[], query: string): string[] {
  return searchSymbols(markets, query, SUGGESTIONS).map((m) => m.symbol);
}

function found(market: Market): SymbolResolution {
  if (!market.active) {
    return {
      ok: false,
      code: 'inactive',
      message: `${market.symbol} is listed but not trading right now.`,
      suggestions: [],
    };
  }
  return { ok: true, symbol: market.symbol, market };
}

function notFound(markets: Market[], shown: string, query: string): SymbolResolution {
  const suggestions = suggest(markets, query);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return {
    ok: false,
    code: 'not_found',
    message: `${shown} is not a market on this venue.${hint}`,
    suggestions,
  };
}

/** The preferred-quote market of a base (`BTC` → `BTC/USDT`), active ones first. */
function byBase(markets: Market[], base: string): Market | undefined {
  return markets
    .filter((m) => m.base === base)
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        quoteRank(a.quote) - quoteRank(b.quote) ||
        a.quote.localeCompare(b.quote),
    )[0];
}

/** `PEPEUSDT` → PEPE / USDT by a known quote suffix. */
function splitByQuote(text: string): { base: string; quote: string } | null {
  const quotes = [...QUOTE_PREFERENCE].sort((a, b) => b.length - a.length);
  const quote = quotes.find((q) => text.endsWith(q) && text.length > q.length);
  return quote ? { base: text.slice(0, -quote.length), quote } : null;
}

export function resolveSymbol(
  input: string,
  markets: ReadonlyMap<string, Market> | Iterable<Market>,
): SymbolResolution {
  const list = marketList(markets);
  const parsed = readSymbolInput(input);
  switch (parsed.kind) {
    case 'empty':
      return {
        ok: false,
        code: 'empty',
        message: 'Enter a symbol, for example BTC/USDT.',
        suggestions: [],
      };
    case 'invalid':
      return {
        ok: false,
        code: 'invalid',
        message: `"${input.trim()}" is not a symbol. Use BASE/QUOTE, for example BTC/USDT.`,
        suggestions: suggest(list, parsed.text.replace(/[^A-Z0-9]/g, '')),
      };
    case 'derivative': {
      const spot = spotFor(list, parsed.base, parsed.quote);
      const hint = spot ? ` Did you mean the spot market ${spot.symbol}?` : '';
      return {
        ok: false,
        code: 'derivative',
        message: `${input.trim()} is a futures/perpetual contract; Osprey trades spot markets only.${hint}`,
        suggestions: spot ? [spot.symbol] : [],
      };
    }
    case 'pair': {
      const market = byPair(list, parsed);
      return market ? found(market) : notFound(list, `${parsed.base}/${parsed.quote}`, parsed.base);
    }
    case 'compact': {
      const text = parsed.text;
      const exact = list.find(
        (m) => `${m.base}${m.quote}` === text || m.venueSymbol.toUpperCase() === text,
      );
      if (exact) return found(exact);
      const base = byBase(list, text);
      if (base) return found(base);
      const split = splitByQuote(text);
      return split
        ? notFound(list, `${split.base}/${split.quote}`, split.base)
        : notFound(list, text, text);
    }
  }
}

function byPair(
  markets: Market[],
  pair: { base: string; quote: string } | null,
): Market | undefined {
  return pair ? markets.find((m) => m.base === pair.base && m.quote === pair.quote) : undefined;
}

/** The active spot market behind a derivative's name (`BTCUSDT` of `BTCUSDT.P`, `BTC` of `BTC-PERP`). */
function spotFor(markets: Market[], base?: string, quote?: string): Market | undefined {
  const market = !base
    ? undefined
    : quote
      ? byPair(markets, { base, quote })
      : (byPair(markets, splitByQuote(base)) ?? byBase(markets, base));
  return market?.active ? market : undefined;
}

/** `resolveSymbol`, throwing a 400 `AppError` whose message and `fields.symbol` say what is wrong. */
export function resolveSymbolOrThrow(
  input: string,
  markets: ReadonlyMap<string, Market> | Iterable<Market>,
): Market {
  const resolution = resolveSymbol(input, markets);
  if (resolution.ok) return resolution.market;
  throw new AppError('bad_request', resolution.message, { symbol: [resolution.message] });
}
