/**
 * The fixed part of every prompt after the strategy's own text: what each number means and the
 * answer contract. It depends only on the version's parameters, so it stays byte-identical
 * between calls and sits in the provider's prompt cache with the system prompt.
 */
import { INVALIDATION_TEXT_MAX_CHARS, REASONING_MAX_CHARS } from '../decision-schema';
import { type AiStrategyParams } from '../strategy-params';
import { indicatorColumns } from './indicator-table';

export function dataDictionary(params: AiStrategyParams): string {
  const i = params.indicators;
  const [rsi, macd, signal, hist, bbU, bbM, bbL, smaF, smaS, emaF, emaS, atr] = indicatorColumns(i);
  const { maxEntryDistancePct: entryPct, maxExitDistancePct: exitPct } = params.sanity;
  const lines = [
    '## Data dictionary',
    '- Times are UTC; table times (MM-DD HH:mm) are candle open times. Prices are in the quote currency.',
    '- Candles: time,open,high,low,close,volume. Closed candles only, oldest first.',
    `- Indicators, same times: ${rsi} = RSI(${i.rsiPeriod}) 0-100; ${macd}/${signal}/${hist} = MACD(${i.macdFast},${i.macdSlow},${i.macdSignal}) line/signal/histogram; ${bbU}/${bbM}/${bbL} = Bollinger(${i.bbPeriod}, ${i.bbStdDev} sd) upper/middle/lower; ${smaF}/${smaS} and ${emaF}/${emaS} = simple/exponential moving averages; ${atr} = ATR(${i.atrPeriod}) in price units. "-" = not enough data yet.`,
  ];
  if (params.structure) {
    lines.push(
      '- Structure: last confirmed fractal swings (price, % from last close, bars ago, vs the previous swing); BOS = break of structure (continuation), CHoCH = change of character (reversal); FVG = open fair-value gaps (imbalances) nearest above/below; equal highs/lows = resting liquidity; trend regime from ADX and MA slope; volatility regime = ATR% percentile.',
    );
  }
  lines.push(
    '- Position: the open position and its plan, or flat. Balance: free and total in the quote asset.',
    "- Record: the bot's last 15 closed trades (win rate, average P&L, stop-loss/take-profit hit rates, streak: +n wins / -n losses in a row).",
    '',
    '## Answer',
    'Exactly one JSON object: {"action","confidence","entry","stopLoss","takeProfit","invalidation","reasoning"}.',
    '- action: "buy" opens a long when flat; "sell" opens a short (on spot accounts it is treated as "close"); "close" exits the open position; "hold" does nothing.',
    '- confidence: 0-100, how sure you are that price reaches takeProfit before stopLoss.',
    `- buy/sell: entry within ${entryPct}% of the last close (null = market); stopLoss and takeProfit are absolute prices on the correct sides of entry, within ${exitPct}% of the last close.`,
    '- hold/close: entry, stopLoss and takeProfit null.',
    `- invalidation: {"type":"close_below"|"close_above","price":number,"text":string <= ${INVALIDATION_TEXT_MAX_CHARS} chars}, a candle close that voids the idea; or null.`,
    `- reasoning: at most ${REASONING_MAX_CHARS} characters; cite the numbers you used.`,
    '- When the data does not clearly support a trade, hold.',
  );
  return lines.join('\n');
}
