/**
 * The built-in provider: no key, no network. Runs a core rule strategy over the context's candles
 * and reports its proposal as a decision, so every install works offline and every cycle has a
 * ledger record. Also the fallback when a model fails, if the user chose it.
 */
import { trackRecord } from '../../core/metrics';
import { createStrategy } from '../../core/strategy';
import { TIMEFRAME_MS } from '../../core/types';
import { holdDecision, type AiDecision } from '../decision-schema';
import { type AiMarketContext, type DecisionProvider, ZERO_USAGE } from '../types';

export interface RuleSpec {
  /** A core strategy id (`lib/core/strategy` registry), e.g. `simple`. */
  id: string;
  params?: Record<string, unknown>;
}

/** The decision the rule strategy makes at the last candle of `context`. */
export function ruleDecision(spec: RuleSpec, context: AiMarketContext): AiDecision {
  const last = context.candles[context.candles.length - 1];
  if (!last) return holdDecision(`[rules:${spec.id}] No candles.`);
  const strategy = createStrategy(spec.id, spec.params ?? {});
  for (const candle of context.candles) strategy.update(candle);
  const { position } = context;
  const proposal = strategy.decide({
    time: last.time + TIMEFRAME_MS[context.timeframe],
    position: position
      ? {
          side: position.side,
          entryPrice: position.entryPrice,
          quantity: position.quantity,
          entryTime: position.entryTime,
        }
      : null,
    record: trackRecord(context.closedTrades),
  });
  const reasoning = `[rules:${spec.id}] ${proposal.reasoning}`;
  if (proposal.action !== 'buy' && proposal.action !== 'sell') {
    return { ...holdDecision(reasoning), action: proposal.action, confidence: proposal.confidence };
  }
  const stop = proposal.stopLoss ?? null;
  return {
    action: proposal.action,
    confidence: proposal.confidence,
    entry: last.close,
    stopLoss: stop,
    takeProfit: proposal.takeProfit ?? null,
    invalidation:
      stop === null
        ? null
        : {
            type: proposal.action === 'buy' ? 'close_below' : 'close_above',
            price: stop,
            text: 'A close beyond the stop-loss level voids the setup.',
          },
    reasoning,
  };
}

/** A provider answering with `ruleDecision` for this context (the prompt is ignored). */
export function createRulesProvider(spec: RuleSpec, context: AiMarketContext): DecisionProvider {
  return (request) => {
    const started = performance.now();
    const decision = ruleDecision(spec, context);
    return Promise.resolve({
      rawText: JSON.stringify(decision),
      parsed: decision,
      usage: ZERO_USAGE,
      latencyMs: Math.round(performance.now() - started),
      model: request.model,
    });
  };
}
