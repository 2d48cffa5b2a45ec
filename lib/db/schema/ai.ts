import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from './users';
import { money, time } from './columns';

export const aiProvider = pgEnum('ai_provider', ['openai', 'gemini', 'rules']);
export const aiOpenAiApi = pgEnum('ai_openai_api', ['chat', 'responses']);
export const aiFallback = pgEnum('ai_fallback', ['hold', 'rules']);
export const aiVersionStatus = pgEnum('ai_version_status', ['draft', 'active']);
export const aiDecidedBy = pgEnum('ai_decided_by', [
  'provider',
  'cache',
  'rules_fallback',
  'hold_fallback',
]);

/** A user's AI strategy: the name and description (mutable); its content lives in versions. */
export const aiStrategies = pgTable(
  'ai_strategies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: time('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ai_strategies_user_idx').on(t.userId),
    uniqueIndex('ai_strategies_one_default_idx')
      .on(t.userId)
      .where(sql`is_default`),
  ],
);

/**
 * An immutable version of a strategy: prompt, parameters, optional provider/model override.
 * Editing inserts a new version; a draft (from a reflection) becomes live only when a user
 * accepts it, which inserts a new active version `based_on` the draft. Rows are never updated.
 */
export const aiStrategyVersions = pgTable(
  'ai_strategy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => aiStrategies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    systemPrompt: text('system_prompt').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    provider: aiProvider('provider'),
    model: text('model'),
    status: aiVersionStatus('status').notNull().default('active'),
    /** The version this one was derived from (edit: the previous one; accepted draft: the draft). */
    basedOnVersionId: uuid('based_on_version_id').references(
      (): AnyPgColumn => aiStrategyVersions.id,
      {
        onDelete: 'set null',
      },
    ),
    note: text('note'),
    createdAt: time('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ai_strategy_versions_number_idx').on(t.strategyId, t.version),
    index('ai_strategy_versions_based_on_idx').on(t.basedOnVersionId),
  ],
);

/** Per-user AI settings. The API key is AES-GCM sealed, bound to `ai_settings:<userId>:api_key`. */
export const aiSettings = pgTable(
  'ai_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: aiProvider('provider').notNull().default('rules'),
    model: text('model').notNull().default(''),
    apiKeyCiphertext: text('api_key_ciphertext'),
    baseUrl: text('base_url'),
    openaiApi: aiOpenAiApi('openai_api').notNull().default('chat'),
    timeoutMs: integer('timeout_ms').notNull().default(20_000),
    dailyBudgetUsd: money('daily_budget_usd'),
    fallback: aiFallback('fallback').notNull().default('hold'),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [check('ai_settings_timeout_ms_check', sql`${t.timeoutMs} between 1000 and 300000`)],
);

/** Price per million tokens for a model (admin-editable; code defaults fill the gaps). */
export const aiModelPrices = pgTable(
  'ai_model_prices',
  {
    provider: aiProvider('provider').notNull(),
    model: text('model').notNull(),
    inputPerMTok: money('input_per_mtok').notNull(),
    cachedInputPerMTok: money('cached_input_per_mtok').notNull(),
    outputPerMTok: money('output_per_mtok').notNull(),
    /** The model's training-data cutoff (YYYY-MM-DD); backtests split decisions before/after it. */
    trainingCutoff: date('training_cutoff', { mode: 'string' }),
    updatedAt: time('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.model] })],
);

/**
 * The decision ledger: one row per decision (AI, rules, cache replay or fallback), with the full
 * prompt, the raw answer, what was parsed and why it was rejected, tokens, cost and latency.
 * `bot_id`, `signal_id`, `order_id`, `position_id` are linked by later stages (no FK yet).
 */
export const aiDecisions = pgTable(
  'ai_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    botId: uuid('bot_id'),
    /** Set when an AI backtest asked the provider (no FK: the ledger outlives a deleted run). */
    backtestId: uuid('backtest_id'),
    strategyVersionId: uuid('strategy_version_id').references(() => aiStrategyVersions.id, {
      onDelete: 'set null',
    }),
    symbol: text('symbol'),
    timeframe: text('timeframe'),
    provider: aiProvider('provider').notNull(),
    model: text('model').notNull(),
    decidedBy: aiDecidedBy('decided_by').notNull(),
    prompt: text('prompt').notNull(),
    rawResponse: text('raw_response'),
    parsed: jsonb('parsed').$type<Record<string, unknown>>(),
    validationErrors: jsonb('validation_errors').$type<unknown[]>(),
    inputTokens: integer('input_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    estimatedInputTokens: integer('estimated_input_tokens').notNull().default(0),
    cost: money('cost').notNull().default('0'),
    latencyMs: integer('latency_ms').notNull().default(0),
    providerCalls: integer('provider_calls').notNull().default(0),
    cacheHit: boolean('cache_hit').notNull().default(false),
    cacheKey: text('cache_key').notNull(),
    error: text('error'),
    action: text('action').notNull(),
    confidence: integer('confidence').notNull().default(0),
    signalId: uuid('signal_id'),
    orderId: uuid('order_id'),
    positionId: uuid('position_id'),
    createdAt: time('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ai_decisions_user_time_idx').on(t.userId, t.createdAt),
    index('ai_decisions_cache_key_idx').on(t.cacheKey),
    index('ai_decisions_bot_time_idx').on(t.botId, t.createdAt),
    index('ai_decisions_version_idx').on(t.strategyVersionId),
  ],
);

/** What a reflection found in recent trades; a suggested prompt change is a draft version. */
export interface AiReflectionFindings {
  worked: string[];
  failed: string[];
  suggestions: string[];
  promptChange: { rationale: string } | null;
  metrics?: Record<string, number>;
}

export const aiReflections = pgTable(
  'ai_reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    botId: uuid('bot_id'),
    strategyVersionId: uuid('strategy_version_id').references(() => aiStrategyVersions.id, {
      onDelete: 'set null',
    }),
    findings: jsonb('findings').$type<AiReflectionFindings>().notNull(),
    draftVersionId: uuid('draft_version_id').references(() => aiStrategyVersions.id, {
      onDelete: 'set null',
    }),
    provider: aiProvider('provider').notNull(),
    model: text('model').notNull(),
    prompt: text('prompt').notNull(),
    rawResponse: text('raw_response'),
    inputTokens: integer('input_tokens').notNull().default(0),
    cachedInputTokens: integer('cached_input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cost: money('cost').notNull().default('0'),
    latencyMs: integer('latency_ms').notNull().default(0),
    error: text('error'),
    createdAt: time('created_at').notNull().defaultNow(),
  },
  (t) => [index('ai_reflections_user_time_idx').on(t.userId, t.createdAt)],
);

export type AiStrategy = typeof aiStrategies.$inferSelect;
export type AiStrategyVersion = typeof aiStrategyVersions.$inferSelect;
export type NewAiStrategyVersion = typeof aiStrategyVersions.$inferInsert;
export type AiSettingsRow = typeof aiSettings.$inferSelect;
export type AiModelPriceRow = typeof aiModelPrices.$inferSelect;
export type AiDecisionRow = typeof aiDecisions.$inferSelect;
export type NewAiDecisionRow = typeof aiDecisions.$inferInsert;
export type AiReflectionRow = typeof aiReflections.$inferSelect;
export type NewAiReflectionRow = typeof aiReflections.$inferInsert;
