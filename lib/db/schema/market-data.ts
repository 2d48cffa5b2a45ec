// Cached candles (issue 4).
export {};
