/**
 * The reflection prompt: the strategy's current system prompt, its metrics, recent trades and
 * recent decisions with their outcomes, compact. Also the metrics-only reflection the rules
 * provider gives (no model, no prompt change).
 */
import { trackRecord, tradeStats } from '../../core/metrics';
import { type ClosedTrade } from '../../core/types';
import { type Reflection } from '../reflection-schema';
import { num, pct, shortTime } from './format';

/** A past decision as a reflection sees it. */
export interface ReflectionDecision {
  time: number;
  action: string;
  confidence: number;
  reasoning: string;
  /** How the trade it opened ended, when it did. */
  exitReason?: string | null;
  pnlPct?: number | null;
}

export const REFLECTION_SYSTEM = `You review the recent trading of an AI trading strategy and report, briefly and concretely:
- worked: up to 5 things the strategy did well (cite numbers);
- failed: up to 5 recurring mistakes (cite numbers);
- suggestions: up to 5 concrete changes (levels, filters, exits), each one sentence;
- promptChange: a full revised system prompt that applies your suggestions, with a one-paragraph rationale; or null when the evidence (fewer than 5 trades, or no clear pattern) does not justify a change.
Your revised prompt is only a draft: a human reviews it before it is used. Keep its structure and intent; change what the evidence supports. Answer with one JSON object.`;

export function metricsOf(trades: readonly ClosedTrade[]): Record<string, number> {
  const stats = tradeStats(trades);
  const record = trackRecord(trades);
  return {
    trades: stats.tradeCount,
    winRatePct: stats.winRatePct,
    profitFactor: Number.isFinite(stats.profitFactor) ? stats.profitFactor : 0,
    netPnl: stats.netPnl,
    expectancyPct: stats.expectancyPct,
    avgHoldHours: stats.averageHoldMs / 3_600_000,
    stopLossHitRatePct: record.stopLossHitRatePct,
    takeProfitHitRatePct: record.takeProfitHitRatePct,
    streak: record.streak,
  };
}

export function buildReflectionPrompt(input: {
  systemPrompt: string;
  trades: readonly ClosedTrade[];
  decisions: readonly ReflectionDecision[];
}): { system: string; user: string } {
  const trades = [...input.trades].sort((a, b) => a.exitTime - b.exitTime).slice(-30);
  const decisions = [...input.decisions].sort((a, b) => a.time - b.time).slice(-30);
  const metrics = Object.entries(metricsOf(input.trades))
    .map(([k, v]) => `${k} ${num(v, 4)}`)
    .join(' | ');
  const tradeRows = trades.map((t) =>
    [
      shortTime(t.entryTime),
      t.side,
      num(t.entryPrice),
      num(t.exitPrice),
      pct(t.pnlPct),
      t.exitReason,
      num((t.exitTime - t.entryTime) / 3_600_000, 3),
    ].join(','),
  );
  const decisionRows = decisions.map((d) =>
    [
      shortTime(d.time),
      d.action,
      num(d.confidence, 3),
      d.exitReason ?? '-',
      pct(d.pnlPct),
      JSON.stringify(d.reasoning.slice(0, 160)),
    ].join(','),
  );
  const user = [
    `## Current strategy prompt\n${input.systemPrompt.trim()}`,
    `## Metrics (all ${input.trades.length} trades given)\n${metrics}`,
    `## Trades (last ${trades.length})\nentry,side,entryPrice,exitPrice,pnl,exitReason,hours\n${tradeRows.join('\n')}`,
    `## Decisions (last ${decisions.length})\ntime,action,confidence,outcome,pnl,reasoning\n${decisionRows.join('\n')}`,
  ].join('\n\n');
  return { system: REFLECTION_SYSTEM, user };
}

/** The rules provider's reflection: the numbers, stated plainly; never a prompt change. */
export function metricsReflection(trades: readonly ClosedTrade[]): Reflection {
  const m = metricsOf(trades);
  const worked: string[] = [];
  const failed: string[] = [];
  if (m.trades === 0)
    return { worked, failed, suggestions: ['No closed trades yet.'], promptChange: null };
  (m.winRatePct! >= 50 ? worked : failed).push(
    `Win rate ${num(m.winRatePct, 3)}% over ${m.trades} trades.`,
  );
  (m.netPnl! >= 0 ? worked : failed).push(
    `Net P&L ${num(m.netPnl, 6)} (expectancy ${pct(m.expectancyPct)} per trade).`,
  );
  if (m.stopLossHitRatePct! > 50)
    failed.push(`${num(m.stopLossHitRatePct, 3)}% of recent trades hit the stop-loss.`);
  if (m.takeProfitHitRatePct! >= 50)
    worked.push(`${num(m.takeProfitHitRatePct, 3)}% of recent trades reached the take-profit.`);
  const suggestions =
    failed.length > 0 ? ['Review stop distances and entry filters against the losing trades.'] : [];
  return { worked, failed, suggestions, promptChange: null };
}
