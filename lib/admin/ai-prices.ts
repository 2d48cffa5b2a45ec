/**
 * The admin's AI controls: the default provider and model for users without their own, and the
 * price table (per million tokens) that every decision's, reflection's and summary's cost is
 * computed from. Built-in list prices fill the gaps; an admin row replaces the built-in one.
 */
import { DEFAULT_MODEL_PRICES } from '../ai/model-prices';
import { dec } from '../core/money';
import type { Db } from '../db/client';
import {
  deleteAiModelPrice,
  listAiModelPrices,
  upsertAiModelPrice,
} from '../db/queries/ai-settings';
import { getSetting, setSetting, type SettingValue } from '../db/queries/settings';
import type { AiModelPriceRow, User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { logSystem } from '../log/system-log';
import {
  aiDefaultsInputSchema,
  modelPriceInputSchema,
  modelPriceKeySchema,
  type AiDefaultsInput,
  type ModelPriceInput,
} from './ai-admin-schemas';

export interface PriceTableRow {
  provider: 'openai' | 'gemini';
  model: string;
  inputPerMTok: string;
  cachedInputPerMTok: string;
  outputPerMTok: string;
  trainingCutoff: string | null;
  /** `admin`: set in the console (removable); `built-in`: the code's list price. */
  source: 'admin' | 'built-in';
  /** An admin row that replaces a built-in price of the same model. */
  overridesBuiltIn: boolean;
  updatedAt: Date | null;
}

const canonical = (value: string) => dec(value).toString();

/** An `ai_model_prices` row as the table shows it. */
function adminRow(r: AiModelPriceRow & { provider: PriceTableRow['provider'] }): PriceTableRow {
  return {
    provider: r.provider,
    model: r.model,
    inputPerMTok: canonical(r.inputPerMTok),
    cachedInputPerMTok: canonical(r.cachedInputPerMTok),
    outputPerMTok: canonical(r.outputPerMTok),
    trainingCutoff: r.trainingCutoff,
    source: 'admin',
    overridesBuiltIn: `${r.provider}:${r.model}` in DEFAULT_MODEL_PRICES,
    updatedAt: r.updatedAt,
  };
}

/** Every priced model, admin rows first replacing built-ins, sorted by provider and model. */
export async function listPriceTable(db: Db): Promise<PriceTableRow[]> {
  const rows = await listAiModelPrices(db);
  const table = new Map<string, PriceTableRow>();
  for (const [key, p] of Object.entries(DEFAULT_MODEL_PRICES)) {
    const [provider, ...rest] = key.split(':');
    table.set(key, {
      provider: provider as PriceTableRow['provider'],
      model: rest.join(':'),
      ...p,
      trainingCutoff: null,
      source: 'built-in',
      overridesBuiltIn: false,
      updatedAt: null,
    });
  }
  for (const r of rows) {
    if (r.provider === 'rules') continue;
    table.set(`${r.provider}:${r.model}`, adminRow({ ...r, provider: r.provider }));
  }
  return [...table.values()].sort(
    (a, b) => a.provider.localeCompare(b.provider) || a.model.localeCompare(b.model),
  );
}

/** Adds or replaces a model's price; applies to the next call's cost. */
export async function setModelPrice(
  db: Db,
  actor: User,
  input: ModelPriceInput,
): Promise<PriceTableRow> {
  const price = modelPriceInputSchema.parse(input);
  const row = await upsertAiModelPrice(db, price);
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} set the price of ${price.provider}:${price.model} to ${price.inputPerMTok} / ${price.cachedInputPerMTok} / ${price.outputPerMTok} USD per million tokens (input / cached / output)`,
  });
  return adminRow({ ...row, provider: price.provider });
}

/** Removes an admin price; a built-in price of the same model applies again. */
export async function removeModelPrice(
  db: Db,
  actor: User,
  input: { provider: string; model: string },
): Promise<{ builtInApplies: boolean }> {
  const key = modelPriceKeySchema.parse(input);
  if (!(await deleteAiModelPrice(db, key)))
    throw new AppError('not_found', `No admin price for ${key.provider}:${key.model}.`);
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} removed the price of ${key.provider}:${key.model}`,
  });
  return { builtInApplies: `${key.provider}:${key.model}` in DEFAULT_MODEL_PRICES };
}

export type AiDefaults = SettingValue<'ai_defaults'>;

export function getAiDefaults(db: Db): Promise<AiDefaults> {
  return getSetting(db, 'ai_defaults');
}

/** The provider and model of every user who has not chosen their own. */
export async function setAiDefaults(
  db: Db,
  actor: User,
  input: AiDefaultsInput,
): Promise<AiDefaults> {
  const defaults = aiDefaultsInputSchema.parse(input);
  await setSetting(db, 'ai_defaults', defaults);
  await logSystem(db, {
    level: 'info',
    source: 'admin',
    message: `${actor.email} set the default AI provider to ${defaults.provider}${defaults.model ? ` (${defaults.model})` : ''}`,
  });
  return defaults;
}
