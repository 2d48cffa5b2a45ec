/**
 * The indicator-based summary: no key, no network, deterministic. Each symbol scores one point
 * per bullish reading (close above SMA20, SMA20 above SMA50, MACD histogram positive, RSI above
 * 55, window change positive) and loses one per bearish reading; ±2 or more decides.
 */
import { type MarketSentimentAnswer } from './sentiment-schema';
import { type SymbolSnapshot } from './symbol-snapshot';

const sign = (value: number, dead = 0) => (value > dead ? 1 : value < -dead ? -1 : 0);

export function symbolScore(s: SymbolSnapshot): number {
  const rsi = Number.isFinite(s.rsi) ? sign(s.rsi - 50, 5) : 0;
  const readings = [s.vsSma20Pct, s.sma20vs50Pct, s.macdHist, s.changePct];
  return readings.reduce((total, v) => total + (Number.isFinite(v) ? sign(v) : 0), rsi);
}

const fixed = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

export function rulesSentiment(snapshots: readonly SymbolSnapshot[]): MarketSentimentAnswer {
  const symbols = snapshots.map((s) => {
    const score = symbolScore(s);
    const sentiment = score >= 2 ? 'bullish' : score <= -2 ? 'bearish' : 'neutral';
    const note = `Score ${score > 0 ? '+' : ''}${score}/5: ${fixed(s.changePct, 2)}% over ${s.candles} ${s.timeframe} candles, RSI ${fixed(s.rsi)}, close ${fixed(s.vsSma20Pct, 2)}% vs SMA20, ATR ${fixed(s.atrPct, 2)}%.`;
    return { symbol: s.symbol, sentiment, note, score } as const;
  });
  const bulls = symbols.filter((s) => s.sentiment === 'bullish').length;
  const bears = symbols.filter((s) => s.sentiment === 'bearish').length;
  const mean = symbols.reduce((a, s) => a + s.score, 0) / Math.max(1, symbols.length);
  const overall =
    bulls > 0 && bears > 0
      ? 'mixed'
      : bulls > symbols.length / 2
        ? 'bullish'
        : bears > symbols.length / 2
          ? 'bearish'
          : 'neutral';
  return {
    overall,
    score: Math.round(mean * 20),
    summary: `Indicator-based summary of ${symbols.length} symbol${symbols.length === 1 ? '' : 's'}: ${bulls} bullish, ${bears} bearish, ${symbols.length - bulls - bears} neutral (trend vs SMA20/SMA50, MACD, RSI and window change).`,
    symbols: symbols.map(({ symbol, sentiment, note }) => ({ symbol, sentiment, note })),
  };
}
