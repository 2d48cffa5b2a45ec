/**
 * Runs a claimed AI backtest in the worker: loads the candles (0–10 %), resolves every decision
 * point (10–90 %, `replayAiDecisions`): the ledger's cache first (zero cost, the stored decision
 * replayed exactly, no row written), else `decide` — the live path, one ledger row marked with
 * this run's id — within the run's hard caps on provider calls and estimated cost; then runs the
 * rules-only baseline on the same candles and options, splits the trades by the model's
 * training cutoff and stores it all. Errors are thrown to `executeBacktest`, which records them;
 * a provider that gives no answer (timeout, 429, 5xx, budget spent) stops the run.
 */
import { cachedDecision, decide, decisionRequest } from '../ai';
import { estimateCost } from '../ai/compute-cost';
import { runBacktest } from '../core/backtest';
import { dec } from '../core/money';
import { parseStrategyParams } from '../core/strategy';
import type { Timeframe } from '../core/types';
import { type KeyRing } from '../crypto/secret-box';
import { backtestStatusOf, finishBacktest } from '../db/queries/backtests';
import type { Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { AI_BASELINE_STRATEGY, aiWarmupBars } from './ai-backtest-estimate';
import {
  decisionEveryBars,
  DEFAULT_AI_BACKTEST_CAPS,
  type AiBacktestCaps,
} from './ai-backtest-input';
import { aiBacktestSetup, stepOf } from './ai-backtest-setup';
import { cutoffMs, cutoffSide, splitByCutoff } from './ai-cutoff-split';
import { replayAiDecisions } from './ai-replay';
import {
  type ExecuteBacktestDeps,
  type ExecuteBacktestOptions,
  type ExecuteOutcome,
} from './execute-backtest';
import { loadBacktestCandles } from './load-backtest-candles';
import { completedRunColumns } from './stored-result';

export interface AiExecuteOptions {
  caps?: AiBacktestCaps;
  /** Key ring for the user's API key (default: the process's). */
  ring?: KeyRing;
  /** Cancels a provider call in flight (worker shutdown). */
  signal?: AbortSignal;
}

/** How a decision point was answered. */
export type AiDecisionSource = 'cache' | 'provider' | 'fallback' | 'rules';

export interface StoredAiDecision {
  time: number;
  action: string;
  confidence: number;
  source: AiDecisionSource;
  /** The ledger row: the one written (provider, fallback, rules) or the cached one replayed. */
  ledgerId: string;
  side: 'before' | 'after' | null;
}

export async function executeAiBacktest(
  deps: ExecuteBacktestDeps,
  run: Backtest,
  options: ExecuteBacktestOptions,
  report: (percent: number) => Promise<boolean>,
): Promise<ExecuteOutcome> {
  const { db } = deps;
  const caps = options.ai?.caps ?? DEFAULT_AI_BACKTEST_CAPS;
  if (!run.aiStrategyVersionId)
    throw new AppError('not_found', 'The AI strategy version of this run was deleted.');
  const setup = await aiBacktestSetup(db, run.userId, run.aiStrategyVersionId, options.ai?.ring);
  if (!(await report(0))) return 'cancelled';
  const loaded = await loadBacktestCandles(db, run, {
    seed: options.seed,
    now: deps.now(),
    feedFor: options.candleFeed,
    warmupBars: aiWarmupBars(),
    onChunk: (fraction) => report(fraction * 10),
  });
  if (!loaded) return 'cancelled';
  const bars = loaded.candles.time.length - loaded.tradeFrom;
  const requested = Number(run.strategyParams.decisionEveryBars);
  const every = decisionEveryBars(
    bars,
    Number.isInteger(requested) && requested > 0 ? requested : undefined,
  );

  let calls = 0;
  let cost = dec(0);
  const records = new Map<number, Omit<StoredAiDecision, 'time' | 'side'>>();
  const replay = await replayAiDecisions({
    candles: loaded.candles,
    tradeFrom: loaded.tradeFrom,
    timeframe: run.timeframe as Timeframe,
    symbol: run.symbol,
    options: run.options,
    every,
    strategy: { id: 'ai', version: setup.version.id },
    resolve: async ({ index, context }) => {
      const request = decisionRequest(setup.version, setup.settings, context);
      const hit = await cachedDecision(db, run.userId, request);
      if (hit) {
        const step = stepOf(hit.decision);
        records.set(index, {
          action: step.action,
          confidence: step.confidence,
          source: 'cache',
          ledgerId: hit.row.id,
        });
        return step;
      }
      if (request.kind !== 'rules') {
        if (calls >= caps.maxCalls)
          throw new AppError(
            'unprocessable',
            `Stopped at the cap of ${caps.maxCalls} provider calls per run.`,
          );
        const next = cost.add(
          estimateCost(
            request.prompt.estimatedInputTokens,
            request.estimatedOutputTokens,
            setup.price,
          ),
        );
        if (next.gt(caps.maxCostUsd))
          throw new AppError(
            'unprocessable',
            `Stopped at the cap of ${caps.maxCostUsd} USD per run (spent ${cost.toFixed(4)} USD).`,
          );
      }
      const { decision, ledgerRow } = await decide(db, {
        userId: run.userId,
        backtestId: run.id,
        strategyVersion: setup.version,
        settings: setup.settings,
        context,
        now: deps.now(),
        signal: options.ai?.signal,
        useCache: false,
      });
      calls += ledgerRow.providerCalls;
      cost = cost.add(ledgerRow.cost);
      // No answer at all (timeout, 429, 5xx, budget spent, no key): stop rather than fill the
      // run with holds. The answers so far are in the ledger, so running again costs nothing
      // up to here. A model that answered nonsense twice is a hold, as live.
      if (
        request.kind !== 'rules' &&
        ledgerRow.error &&
        !ledgerRow.error.startsWith('invalid_output')
      ) {
        throw new AppError(
          'unprocessable',
          `The AI provider gave no decision for ${new Date(context.candles.at(-1)!.time).toISOString()} (${ledgerRow.error}). The run stopped after ${calls} provider calls; decisions made so far are cached, so running it again does not pay for them twice.`,
        );
      }
      const step = stepOf(decision);
      const source: AiDecisionSource =
        request.kind === 'rules'
          ? 'rules'
          : ledgerRow.decidedBy === 'provider'
            ? 'provider'
            : 'fallback';
      records.set(index, {
        action: step.action,
        confidence: step.confidence,
        source,
        ledgerId: ledgerRow.id,
      });
      return step;
    },
    onResolved: (done, total) => report(10 + (80 * done) / Math.max(1, total)),
  });
  if (!replay) return 'cancelled';
  const { result } = replay;

  const baselineParams = parseStrategyParams(AI_BASELINE_STRATEGY, {});
  const baseline = runBacktest({
    candles: loaded.candles,
    tradeFrom: loaded.tradeFrom,
    timeframe: run.timeframe as Timeframe,
    symbol: run.symbol,
    strategy: { id: AI_BASELINE_STRATEGY, params: baselineParams, version: null },
    options: run.options,
  });
  const cutoff = setup.cutoff.date;
  const at = cutoffMs(cutoff);
  const decisions: StoredAiDecision[] = replay.decisions.map(({ index, time }) => ({
    time,
    ...records.get(index)!,
    side: cutoffSide(time, at),
  }));
  const split = splitByCutoff(result.trades, decisions, cutoff);

  if ((await backtestStatusOf(db, run.id)) !== 'running' || !(await report(95))) return 'cancelled';
  const stored = await finishBacktest(
    db,
    run.id,
    options.owner,
    completedRunColumns(result, {
      ai: {
        strategyName: setup.strategy.name,
        version: setup.version.version,
        versionId: setup.version.id,
        provider: setup.provider,
        model: setup.model,
        trainingCutoff: cutoff,
        trainingCutoffSource: setup.cutoff.source,
        decisionEveryBars: every,
        decisionPoints: decisions.length,
        cached: decisions.filter((d) => d.source === 'cache').length,
        providerCalls: calls,
        costUsd: cost.toString(),
        caps,
        split: {
          cutoff: split.cutoff,
          sides: split.sides,
          before: split.before,
          after: split.after,
          decisions: split.decisions,
        },
        baseline: {
          strategyId: AI_BASELINE_STRATEGY,
          params: baselineParams,
          metrics: baseline.metrics,
          tradeCount: baseline.trades.length,
        },
        decisions,
      },
    }),
  );
  if (!stored) return 'cancelled';
  deps.progress(
    run,
    100,
    'completed',
    `${result.trades.length} trades · ${calls} provider calls · ${decisions.filter((d) => d.source === 'cache').length} cached decisions`,
  );
  return 'completed';
}
