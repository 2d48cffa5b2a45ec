export { readSymbolInput, type SymbolInput } from './symbol-input';
export { resolveSymbol, resolveSymbolOrThrow, type SymbolResolution } from './resolve-symbol';
export { searchSymbols } from './search-symbols';
export { QUOTE_PREFERENCE, quoteRank } from './quote-preference';
