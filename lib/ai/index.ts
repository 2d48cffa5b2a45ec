/**
 * The AI layer (DESIGN §6): the worker calls `decide` once per bot cycle; the web app uses the
 * strategy, settings and log functions. Providers, prompts and costs stay behind these.
 */
export { decide, type DecideInput, type DecideResult } from './decide';
export {
  cachedDecision,
  decisionRequest,
  ESTIMATED_OUTPUT_TOKENS,
  type DecisionRequest,
} from './decision-request';
export {
  aiDecisionSchema,
  holdDecision,
  type AiDecision,
  type Invalidation,
} from './decision-schema';
export { type DecidedBy } from './ledger-entry';
export {
  acceptDraft,
  createAiStrategy,
  createDraftVersion,
  editAiStrategy,
  getAiStrategyVersion,
  getCurrentAiStrategyVersion,
  listAiStrategies,
  setDefaultAiStrategy,
  type AiStrategyWithVersions,
  type CreateAiStrategyInput,
  type EditAiStrategyInput,
} from './strategies';
export {
  aiSettingsInputSchema,
  DEFAULT_AI_SETTINGS,
  loadAiSettings,
  saveAiSettings,
  toPublicAiSettings,
  type AiSettingsInput,
  type PublicAiSettings,
} from './settings';
export { decisionsForReflection, reflect, type ReflectInput, type ReflectResult } from './reflect';
export { type ReflectionDecision } from './prompts/reflection-prompt';
export { calibrate, type Calibration, type CalibrationBucket } from './calibration';
export { versionCalibration } from './version-calibration';
export { AI_STRATEGY_TEMPLATES, type AiStrategyTemplate } from './prompts/templates';
export { DEFAULT_MODEL_PRICES, getModelPrice, type ModelPrice } from './model-prices';
export { DEFAULT_TRAINING_CUTOFFS, getTrainingCutoff, type TrainingCutoff } from './model-cutoffs';
export { aiStrategyParamsSchema, type AiStrategyParams } from './strategy-params';
export {
  type AiMarketContext,
  type AiPositionContext,
  type AiProviderKind,
  type AiRuntimeSettings,
} from './types';
