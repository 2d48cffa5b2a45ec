/**
 * Glue between the AI layer (`lib/ai`) and trading (`lib/trading`): the bot cycle's AI decider,
 * linking decisions to their outcomes, "try now", the AI log's and reflections' use cases.
 */
export {
  createAiDecider,
  toStrategyDecision,
  type AiDeciderOptions,
  type AiRuntimeDeps,
} from './create-ai-decider';
export { linkDecisionOutcome, linkPendingDecisions } from './link-decision-outcome';
export {
  calibrationOf,
  getDecisionDetail,
  listDecisions,
  versionSummaries,
  type DecisionDetail,
  type DecisionListItem,
  type DecisionOutcome,
  type VersionSummary,
} from './decisions';
export { diffVersions, getAiStrategyOrThrow, type VersionDiff } from './strategy-versions';
export { tryStrategy, type TryStrategyResult } from './try-strategy';
export {
  acceptReflectionDraft,
  listReflections,
  runReflections,
  type ReflectionListItem,
  type ReflectionPassOptions,
  type ReflectionPassResult,
} from './reflections';
export { invalidationHit, invalidationOf } from './invalidation';
export { aiStrategyOptions, checkAiBotStrategy, type AiStrategyOption } from './ai-bot-strategy';
export { type DiffLine } from './line-diff';
export * from './schemas';
export {
  aiSettingsFormSchema,
  createStrategyFormSchema,
  editStrategyFormSchema,
} from './form-schemas';
