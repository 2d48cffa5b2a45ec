/** The sentiment prompt: fixed instructions first (cacheable), the market table last. */
import { num } from '../prompts/format';
import { type SymbolSnapshot } from './symbol-snapshot';

export const SENTIMENT_SYSTEM_PROMPT = `You are a crypto market analyst. Summarise the current market sentiment across the symbols given, from their indicators only; do not invent news.
Columns: symbol, timeframe, candles (window length), close, chg% (over the window), rsi14, macdHist, vsSma20% (close vs SMA20), sma20vs50% (SMA20 vs SMA50), atr% (ATR14 / close), bbPctB (Bollinger %B), then the last closes oldest first.
Answer in JSON: overall (bullish | bearish | neutral | mixed), score from -100 (very bearish) to 100 (very bullish), summary (at most 5 sentences, name the strongest and weakest symbols), and one entry per symbol with its sentiment and a short note.`;

export function sentimentUserPrompt(snapshots: readonly SymbolSnapshot[], now: Date): string {
  const rows = snapshots.map((s) =>
    [
      s.symbol,
      s.timeframe,
      s.candles,
      num(s.close),
      num(s.changePct, 3),
      num(s.rsi, 3),
      num(s.macdHist, 4),
      num(s.vsSma20Pct, 3),
      num(s.sma20vs50Pct, 3),
      num(s.atrPct, 3),
      num(s.bbPctB, 3),
      s.recentCloses.map((c) => num(c)).join(' '),
    ].join(','),
  );
  return [
    `Market state at ${now.toISOString().slice(0, 16)}Z:`,
    'symbol,tf,candles,close,chg%,rsi14,macdHist,vsSma20%,sma20vs50%,atr%,bbPctB,lastCloses',
    ...rows,
  ].join('\n');
}
