/**
 * The admin's AI forms: default provider/model and the price table. Shared by the forms (inline
 * errors as you type) and the server actions. Only zod here: client code imports this file.
 */
import { z } from 'zod';

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/;
const MODEL_HINT = 'Model names use letters, digits and . _ : / @ + - (no spaces).';
/** The most any model is allowed to cost per million tokens (a typo guard, not a market view). */
export const MAX_PRICE_PER_MTOK = 10_000;

const modelName = z
  .string()
  .trim()
  .min(1, 'Enter the model name, e.g. gpt-4.1-mini.')
  .max(100, 'Use at most 100 characters.')
  .regex(MODEL_NAME, MODEL_HINT);

/** USD per million tokens: a plain non-negative decimal (no exponent, no sign), kept as text. */
const pricePerMTok = (label: string) =>
  z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .refine((text) => /^\d+(\.\d{1,12})?$/.test(text) && Number.isFinite(Number(text)), {
      message: `${label} must be a non-negative number of USD per million tokens, e.g. 0.4.`,
    })
    .refine((text) => Number(text) <= MAX_PRICE_PER_MTOK, {
      message: `${label} must be at most ${MAX_PRICE_PER_MTOK} USD per million tokens.`,
    });

/** `YYYY-MM-DD` of a real calendar day, or empty for none. */
const cutoff = z
  .string()
  .nullable()
  .optional()
  .transform((text) => (text ?? '').trim())
  .refine(
    (text) =>
      text === '' ||
      (/^\d{4}-\d{2}-\d{2}$/.test(text) &&
        new Date(`${text}T00:00:00Z`).toISOString().startsWith(text)),
    { message: 'Training cutoff is a date (YYYY-MM-DD) or empty.' },
  )
  .transform((text) => (text === '' ? null : text));

export const modelPriceInputSchema = z.object({
  provider: z.enum(['openai', 'gemini'], {
    message: 'Prices are for OpenAI or Gemini models (the rules provider is free).',
  }),
  model: modelName,
  inputPerMTok: pricePerMTok('Input price'),
  cachedInputPerMTok: pricePerMTok('Cached input price'),
  outputPerMTok: pricePerMTok('Output price'),
  trainingCutoff: cutoff,
});
export type ModelPriceInput = z.input<typeof modelPriceInputSchema>;

export const modelPriceKeySchema = z.object({
  provider: z.enum(['openai', 'gemini']),
  model: modelName,
});

export const aiDefaultsInputSchema = z
  .object({
    provider: z.enum(['openai', 'gemini', 'rules'], { message: 'Choose a provider.' }),
    model: z
      .string()
      .trim()
      .max(100, 'Use at most 100 characters.')
      .refine((m) => m === '' || MODEL_NAME.test(m), MODEL_HINT)
      .default(''),
  })
  // The rules provider has no models to choose from.
  .transform((v) => (v.provider === 'rules' ? { ...v, model: '' } : v));
export type AiDefaultsInput = z.input<typeof aiDefaultsInputSchema>;
