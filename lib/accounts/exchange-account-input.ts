import { z } from 'zod';

/** A live exchange account as the form and the API accept it. Keys are trimmed, never echoed. */
export const exchangeAccountInputSchema = z.object({
  venue: z.enum(['binance', 'alpaca'], { message: 'Choose Binance or Alpaca.' }),
  label: z
    .string()
    .trim()
    .min(1, 'Give the account a label.')
    .max(60, 'Use at most 60 characters.'),
  isTestnet: z
    .union([z.boolean(), z.enum(['true', 'false', 'on'])])
    .transform((v) => v === true || v === 'true' || v === 'on')
    .default(true),
  apiKey: z.string().trim().min(8, 'Paste the API key.').max(256, 'That API key is too long.'),
  apiSecret: z
    .string()
    .trim()
    .min(8, 'Paste the API secret.')
    .max(512, 'That API secret is too long.'),
});
export type ExchangeAccountInput = z.infer<typeof exchangeAccountInputSchema>;
