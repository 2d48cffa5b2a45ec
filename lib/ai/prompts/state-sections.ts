/** The volatile sections of a prompt: market structure, position, balance, track record. */
import { type TrackRecord } from '../../core/metrics';
import {
  analyzeStructure,
  type BreakSummary,
  type GapSummary,
  type LiquidityZone,
  type SwingSummary,
} from '../../core/structure';
import { type Candle } from '../../core/types';
import { type AiMarketContext } from '../types';
import { num, pct, shortTime } from './format';

const swing = (label: string, s: SwingSummary | null, vs: string | null) =>
  s
    ? `${label} ${num(s.price)} (${pct(s.distancePct)}, ${s.ageBars} bars ago${vs ? `, ${vs}` : ''})`
    : `${label} -`;

const KIND = { bos: 'BOS', choch: 'CHoCH' } as const;

const brk = (label: string, b: BreakSummary | null) =>
  b
    ? `${label} ${KIND[b.kind]} ${b.direction} @${num(b.level)} (${b.ageBars} bars ago)`
    : `${label} -`;

const gap = (label: string, g: GapSummary | null) =>
  g
    ? `${label} ${g.direction} ${num(g.bottom)}-${num(g.top)} (${pct(g.distancePct)})`
    : `${label} -`;

const zones = (list: LiquidityZone[]) =>
  list.length === 0
    ? '-'
    : list.map((z) => `${num(z.price)} x${z.touches} (${pct(z.distancePct)})`).join('; ');

export function structureSection(candles: readonly Candle[]): string {
  if (candles.length === 0) return 'no candles';
  const s = analyzeStructure(candles);
  const v = s.volatility;
  // The last break, then the last one of the other kind (the more useful context).
  const other = s.lastBreak?.kind === 'choch' ? brk('last', s.lastBos) : brk('last', s.lastChoch);
  return [
    `bias ${s.bias ?? '-'} | ${brk('last break', s.lastBreak)} | ${other}`,
    `${swing('swing high', s.swings.high, s.swings.highs && `${s.swings.highs} high`)} | ${swing('swing low', s.swings.low, s.swings.lows && `${s.swings.lows} low`)}`,
    `FVG open ${s.fvgs.open} | ${gap('nearest above', s.fvgs.above)} | ${gap('below', s.fvgs.below)}`,
    `equal highs ${zones(s.liquidity.equalHighs)} | equal lows ${zones(s.liquidity.equalLows)}`,
    `trend ${s.trend.regime ?? '-'} (ADX ${num(s.trend.adx, 3)}, slope ${pct(s.trend.slopePct)}) | volatility ${v.regime ?? '-'} (pctile ${num(v.percentile, 3)}, ATR ${num(v.atr, 4)} = ${num(v.atrPct, 3)}%)`,
  ].join('\n');
}

export function positionSection(context: AiMarketContext, lastClose: number): string {
  const p = context.position;
  if (!p) return 'flat';
  const move = ((lastClose - p.entryPrice) / p.entryPrice) * 100 * (p.side === 'buy' ? 1 : -1);
  const parts = [
    `${p.side === 'buy' ? 'long' : 'short'} ${num(p.quantity)} @${num(p.entryPrice)} since ${shortTime(p.entryTime)} (unrealised ${pct(move)})`,
    `stop ${num(p.stopLoss)}`,
    `target ${num(p.takeProfit)}`,
  ];
  if (p.invalidation)
    parts.push(
      `invalidation ${p.invalidation.type} ${num(p.invalidation.price)}: ${p.invalidation.text}`,
    );
  return parts.join(' | ');
}

export function balanceSection(context: AiMarketContext): string {
  const b = context.balance;
  return `${b.asset} free ${num(b.free, 8)} | total ${num(b.total, 8)}`;
}

/** Poor = at least 3 trades and a win rate under 40%, a losing streak of 3+, or a negative mean. */
export function isPoorRecord(r: TrackRecord): boolean {
  return r.closedTrades >= 3 && (r.winRatePct < 40 || r.losingStreak >= 3 || r.avgPnl < 0);
}

/** The record and the performance-aware instruction that goes with it. */
export function recordSection(r: TrackRecord): string {
  if (r.closedTrades === 0)
    return 'no closed trades yet.\nInstruction: no history; apply the strategy with normal caution.';
  const line = `trades ${r.closedTrades} | win rate ${num(r.winRatePct, 3)}% | avg P&L ${num(r.avgPnl, 4)} (${pct(r.avgPnlPct)}) | SL hit ${num(r.stopLossHitRatePct, 3)}% | TP hit ${num(r.takeProfitHitRatePct, 3)}% | streak ${r.streak > 0 ? '+' : ''}${r.streak}`;
  const instruction = isPoorRecord(r)
    ? 'Instruction: recent results are poor. Be more conservative: trade only your strongest setups, lower your confidence, prefer hold when in doubt. (The risk engine also tightens size and minimum confidence after a poor record.)'
    : 'Instruction: recent results are acceptable. Keep the same discipline; do not raise risk because of a winning streak.';
  return `${line}\n${instruction}`;
}
