import { z } from 'zod';
import { newPasswordSchema } from '@/lib/auth/schemas';

/** Shared by the settings forms (inline errors) and their server actions. */
export const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  });

export const PAPER_RESET_CONFIRMATION = 'reset';

export const paperResetSchema = z.object({
  startingBalance: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'Enter a positive amount, e.g. 10000.')
    .refine((v) => Number(v) > 0 && Number(v) <= 1e12, 'Enter a positive amount, e.g. 10000.'),
  confirm: z.literal(PAPER_RESET_CONFIRMATION, {
    message: `Type "${PAPER_RESET_CONFIRMATION}" to confirm.`,
  }),
});
