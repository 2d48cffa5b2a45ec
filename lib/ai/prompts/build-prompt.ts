/**
 * Builds a decision prompt laid out for provider prompt caching: the system message is the
 * strategy's fixed prompt then the data dictionary (identical from call to call for a version),
 * and the user message holds only the volatile market state, most volatile last.
 */
import { trackRecord } from '../../core/metrics';
import { TIMEFRAME_MS } from '../../core/types';
import { type AiStrategyParams } from '../strategy-params';
import { type AiMarketContext } from '../types';
import { dataDictionary } from './data-dictionary';
import { estimateTokens } from './estimate-tokens';
import { isoMinute, num } from './format';
import { candleTable, indicatorTable } from './indicator-table';
import { balanceSection, positionSection, recordSection, structureSection } from './state-sections';

export interface BuiltPrompt {
  system: string;
  user: string;
  /** chars/4 estimate of system + user (see `estimateTokens`). */
  estimatedInputTokens: number;
}

export interface BuildPromptInput {
  systemPrompt: string;
  params: AiStrategyParams;
  context: AiMarketContext;
}

/** The full prompt text as stored in the ledger. */
export function promptText(prompt: Pick<BuiltPrompt, 'system' | 'user'>): string {
  return `[system]\n${prompt.system}\n\n[user]\n${prompt.user}`;
}

export function buildPrompt({ systemPrompt, params, context }: BuildPromptInput): BuiltPrompt {
  const system = `${systemPrompt.trim()}\n\n${dataDictionary(params)}`;
  const { candles } = context;
  const last = candles[candles.length - 1];
  const lastClose = last?.close ?? NaN;
  const decisionTime = last ? last.time + TIMEFRAME_MS[context.timeframe] : NaN;
  const sections = [
    `# ${context.symbol} ${context.timeframe} | decision at ${last ? isoMinute(decisionTime) : '-'} | last close ${num(lastClose)}`,
    `## Record (last 15 closed trades)\n${recordSection(trackRecord(context.closedTrades))}`,
    `## Balance\n${balanceSection(context)}`,
    `## Position\n${positionSection(context, lastClose)}`,
  ];
  if (params.structure && candles.length > 0)
    sections.push(`## Structure\n${structureSection(candles)}`);
  sections.push(
    `## Indicators (last ${Math.min(params.indicatorRows, candles.length)})\n${indicatorTable(candles, params.indicators, params.indicatorRows)}`,
    `## Candles (last ${Math.min(params.candleRows, candles.length)})\n${candleTable(candles, params.candleRows)}`,
    'Decide now. Answer with the JSON object only.',
  );
  const user = sections.join('\n\n');
  return { system, user, estimatedInputTokens: estimateTokens(system) + estimateTokens(user) };
}
