/**
 * AI strategies as versioned prompts. A strategy's content (system prompt, params, provider and
 * model override) lives in immutable versions: an edit inserts the next version; a reflection's
 * suggestion is a draft that goes live only when the user accepts it (which inserts a new active
 * version based on the draft). Every function takes the user id and only sees that user's rows.
 */
import { z } from 'zod';
import { parseStrategyParams, StrategyError } from '../core/strategy';
import { type Db } from '../db/client';
import {
  clearDefaultAiStrategy,
  countUserAiStrategies,
  findCurrentAiVersion,
  findUserAiStrategy,
  findUserAiVersion,
  hasDerivedAiVersion,
  insertAiStrategy,
  insertAiStrategyVersion,
  listAiStrategyVersions,
  listUserAiStrategies,
  nextAiVersionNumber,
  setDefaultAiStrategyRow,
  updateAiStrategyMeta,
} from '../db/queries/ai-strategies';
import { type AiStrategy, type AiStrategyVersion } from '../db/schema';
import { AppError } from '../errors/app-error';
import { getAiStrategyTemplate } from './prompts/templates';
import { aiStrategyParamsSchema, type AiStrategyParams } from './strategy-params';
import { AI_PROVIDERS } from './types';

const contentFields = {
  systemPrompt: z.string().trim().min(1).max(20_000),
  params: z.record(z.string(), z.unknown()),
  provider: z.enum(AI_PROVIDERS).nullable(),
  model: z.string().trim().min(1).max(200).nullable(),
};

export const createAiStrategyInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).default(''),
  /** Start from a built-in template (its prompt and params unless given here). */
  templateId: z.string().optional(),
  systemPrompt: contentFields.systemPrompt.optional(),
  params: contentFields.params.optional(),
  provider: contentFields.provider.default(null),
  model: contentFields.model.default(null),
  isDefault: z.boolean().optional(),
});

export const editAiStrategyInputSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(1000).optional(),
  systemPrompt: contentFields.systemPrompt.optional(),
  /** The full parameter set (missing keys take their defaults). */
  params: contentFields.params.optional(),
  provider: contentFields.provider.optional(),
  model: contentFields.model.optional(),
  note: z.string().trim().max(500).optional(),
});

export type CreateAiStrategyInput = z.input<typeof createAiStrategyInputSchema>;
export type EditAiStrategyInput = z.input<typeof editAiStrategyInputSchema>;

export interface AiStrategyWithVersions extends AiStrategy {
  versions: AiStrategyVersion[];
  /** The newest active version (what runs). */
  current: AiStrategyVersion | null;
  /** Drafts not yet accepted. */
  pendingDrafts: AiStrategyVersion[];
}

/** Validates version params (including the rules fallback strategy); throws `bad_request`. */
export function parseVersionParams(raw: unknown): AiStrategyParams {
  const result = aiStrategyParamsSchema.safeParse(raw ?? {});
  if (!result.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of result.error.issues)
      (fields[`params.${issue.path.join('.')}`] ??= []).push(issue.message);
    throw new AppError('bad_request', 'The strategy parameters are invalid.', fields);
  }
  try {
    parseStrategyParams(result.data.rules.id, result.data.rules.params);
  } catch (error) {
    if (error instanceof StrategyError)
      throw new AppError('bad_request', error.message, { 'params.rules': [error.message] });
    throw error;
  }
  return result.data;
}

const notFound = () => new AppError('not_found', 'AI strategy not found.');

export async function createAiStrategy(
  db: Db,
  userId: string,
  raw: CreateAiStrategyInput,
): Promise<{ strategy: AiStrategy; version: AiStrategyVersion }> {
  const input = createAiStrategyInputSchema.parse(raw);
  const template = input.templateId ? getAiStrategyTemplate(input.templateId) : undefined;
  if (input.templateId && !template)
    throw new AppError('bad_request', `Unknown template "${input.templateId}".`);
  const systemPrompt = input.systemPrompt ?? template?.systemPrompt;
  if (!systemPrompt)
    throw new AppError('bad_request', 'A system prompt or a template is required.', {
      systemPrompt: ['Required'],
    });
  const params = parseVersionParams(input.params ?? template?.params ?? {});
  return db.transaction(async (tx) => {
    const first = (await countUserAiStrategies(tx, userId)) === 0;
    const isDefault = input.isDefault ?? first;
    if (isDefault) await clearDefaultAiStrategy(tx, userId);
    const strategy = await insertAiStrategy(tx, {
      userId,
      name: input.name,
      description: input.description,
      isDefault,
    });
    const version = await insertAiStrategyVersion(tx, {
      strategyId: strategy.id,
      version: 1,
      systemPrompt,
      params,
      provider: input.provider,
      model: input.model,
      status: 'active',
      note: template ? `From template ${template.id}` : null,
    });
    return { strategy, version };
  });
}

/** Renames/describes in place; any content change inserts the next version (never an update). */
export async function editAiStrategy(
  db: Db,
  userId: string,
  strategyId: string,
  raw: EditAiStrategyInput,
): Promise<{ strategy: AiStrategy; version: AiStrategyVersion }> {
  const patch = editAiStrategyInputSchema.parse(raw);
  const params = patch.params === undefined ? undefined : parseVersionParams(patch.params);
  return db.transaction(async (tx) => {
    const strategy = await findUserAiStrategy(tx, { userId, strategyId, lock: true });
    if (!strategy) throw notFound();
    await updateAiStrategyMeta(tx, {
      userId,
      strategyId,
      name: patch.name,
      description: patch.description,
    });
    const current = await findCurrentAiVersion(tx, strategyId);
    if (!current) throw new AppError('conflict', 'The strategy has no active version.');
    const changesContent = [patch.systemPrompt, patch.params, patch.provider, patch.model].some(
      (v) => v !== undefined,
    );
    const version = changesContent
      ? await insertAiStrategyVersion(tx, {
          strategyId,
          version: await nextAiVersionNumber(tx, strategyId),
          systemPrompt: patch.systemPrompt ?? current.systemPrompt,
          params: params ?? current.params,
          provider: patch.provider === undefined ? current.provider : patch.provider,
          model: patch.model === undefined ? current.model : patch.model,
          status: 'active',
          basedOnVersionId: current.id,
          note: patch.note ?? null,
        })
      : current;
    const updated = await findUserAiStrategy(tx, { userId, strategyId });
    return { strategy: updated!, version };
  });
}

export async function listAiStrategies(db: Db, userId: string): Promise<AiStrategyWithVersions[]> {
  const strategies = await listUserAiStrategies(db, userId);
  const versions = await listAiStrategyVersions(
    db,
    strategies.map((s) => s.id),
  );
  const derivedFrom = new Set(
    versions.map((v) => v.basedOnVersionId).filter((id): id is string => id !== null),
  );
  return strategies.map((strategy) => {
    const own = versions.filter((v) => v.strategyId === strategy.id);
    const active = own.filter((v) => v.status === 'active');
    return {
      ...strategy,
      versions: own,
      current: active[active.length - 1] ?? null,
      pendingDrafts: own.filter((v) => v.status === 'draft' && !derivedFrom.has(v.id)),
    };
  });
}

export async function setDefaultAiStrategy(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await findUserAiStrategy(tx, { userId, strategyId, lock: true }))) throw notFound();
    await setDefaultAiStrategyRow(tx, { userId, strategyId });
  });
}

/** A version the user owns, with its strategy; `not_found` otherwise (also for other users'). */
export async function getAiStrategyVersion(
  db: Db,
  params: { userId: string; versionId: string },
): Promise<{ strategy: AiStrategy; version: AiStrategyVersion }> {
  const found = await findUserAiVersion(db, params);
  if (!found) throw new AppError('not_found', 'AI strategy version not found.');
  return found;
}

/** The version a bot following `strategyId` runs now: its newest active version. */
export async function getCurrentAiStrategyVersion(
  db: Db,
  params: { userId: string; strategyId: string },
): Promise<AiStrategyVersion> {
  if (!(await findUserAiStrategy(db, params))) throw notFound();
  const current = await findCurrentAiVersion(db, params.strategyId);
  if (!current) throw new AppError('conflict', 'The strategy has no active version.');
  return current;
}

/** A draft derived from `basedOnVersionId` with a new system prompt; never runs until accepted. */
export async function createDraftVersion(
  db: Db,
  params: { userId: string; basedOnVersionId: string; systemPrompt: string; note: string },
): Promise<AiStrategyVersion> {
  const systemPrompt = contentFields.systemPrompt.parse(params.systemPrompt);
  return db.transaction(async (tx) => {
    const { version: base } = await getAiStrategyVersion(tx, {
      userId: params.userId,
      versionId: params.basedOnVersionId,
    });
    await findUserAiStrategy(tx, {
      userId: params.userId,
      strategyId: base.strategyId,
      lock: true,
    });
    return insertAiStrategyVersion(tx, {
      strategyId: base.strategyId,
      version: await nextAiVersionNumber(tx, base.strategyId),
      systemPrompt,
      params: base.params,
      provider: base.provider,
      model: base.model,
      status: 'draft',
      basedOnVersionId: base.id,
      note: params.note.slice(0, 500),
    });
  });
}

/** Accepts a pending draft: inserts the next, active version with the draft's content. */
export async function acceptDraft(
  db: Db,
  params: { userId: string; draftVersionId: string },
): Promise<AiStrategyVersion> {
  return db.transaction(async (tx) => {
    const { version: draft } = await getAiStrategyVersion(tx, {
      userId: params.userId,
      versionId: params.draftVersionId,
    });
    if (draft.status !== 'draft')
      throw new AppError('conflict', 'Only a draft version can be accepted.');
    await findUserAiStrategy(tx, {
      userId: params.userId,
      strategyId: draft.strategyId,
      lock: true,
    });
    if (await hasDerivedAiVersion(tx, draft.id))
      throw new AppError('conflict', 'This draft was already accepted.');
    return insertAiStrategyVersion(tx, {
      strategyId: draft.strategyId,
      version: await nextAiVersionNumber(tx, draft.strategyId),
      systemPrompt: draft.systemPrompt,
      params: draft.params,
      provider: draft.provider,
      model: draft.model,
      status: 'active',
      basedOnVersionId: draft.id,
      note: `Accepted draft v${draft.version}`,
    });
  });
}
