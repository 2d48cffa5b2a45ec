import { z } from 'zod';
import { createFillConfig, type FillConfig, type FillConfigInput } from '../../core/fills';
import { type ExchangeAccountSettings } from '../../db/schema';

const decimalText = z.string().regex(/^\d+(\.\d+)?$/, 'Expected a plain decimal like "10000"');

/** A paper account's settings as stored in `exchange_accounts.settings`, with defaults. */
export const paperSettingsSchema = z.object({
  startingBalance: decimalText.default('10000'),
  quote: z.string().min(1).default('USDT'),
  makerFeeRate: decimalText.default('0.001'),
  takerFeeRate: decimalText.default('0.001'),
  feeMode: z.enum(['quote', 'received']).default('quote'),
  slippageBps: z.number().min(0).max(10_000).default(0),
});

export type PaperSettings = z.infer<typeof paperSettingsSchema>;

/** Reads stored settings (unknown keys ignored, missing ones defaulted). */
export function readPaperSettings(
  stored: ExchangeAccountSettings | null | undefined,
): PaperSettings {
  return paperSettingsSchema.parse(stored ?? {});
}

/** The fill model for an account: its stored fee and slippage settings, then `override`. */
export function paperFillConfig(
  settings: PaperSettings,
  override: FillConfigInput = {},
): FillConfig {
  return createFillConfig({
    makerFeeRate: settings.makerFeeRate,
    takerFeeRate: settings.takerFeeRate,
    feeMode: settings.feeMode,
    slippageBps: settings.slippageBps,
    ...override,
  });
}
