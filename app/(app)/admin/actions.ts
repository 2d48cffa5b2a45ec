'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { setGlobalKillSwitch } from '@/lib/admin/kill-switch';
import { resetUserPassword } from '@/lib/admin/reset-password';
import { RESET_CONFIRMATION } from '@/lib/admin/confirmations';
import { resetTradingData } from '@/lib/admin/reset-trading-data';
import { userAction } from '@/lib/auth/action';
import { changeUser, setRegistrationOpen } from '@/lib/auth/user-admin';
import { getDb } from '@/lib/db';

const admin = { role: 'admin' } as const;

export const setRegistrationAction = userAction(
  z.object({ open: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  async ({ open }, user) => {
    await setRegistrationOpen(getDb(), user, open);
    revalidatePath('/admin');
    return { open };
  },
  admin,
);

export const changeUserAction = userAction(
  z.object({
    userId: z.uuid('Unknown user.'),
    role: z.enum(['admin', 'trader']).optional(),
    status: z.enum(['active', 'disabled']).optional(),
  }),
  async ({ userId, role, status }, user) => {
    const updated = await changeUser(getDb(), user, userId, { role, status });
    revalidatePath('/admin');
    return { id: updated.id, role: updated.role, status: updated.status };
  },
  admin,
);

/** Sets a new random password for a user; the result carries it once for the admin to pass on. */
export const resetPasswordAction = userAction(
  z.object({ userId: z.uuid('Unknown user.') }),
  async ({ userId }, user) => resetUserPassword(getDb(), user, userId),
  admin,
);

export const setKillSwitchAction = userAction(
  z.object({ on: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  async ({ on }, user) => {
    await setGlobalKillSwitch(getDb(), user, on);
    revalidatePath('/admin');
    revalidatePath('/', 'layout');
    return { on };
  },
  admin,
);

export const resetTradingDataAction = userAction(
  z.object({
    confirmation: z.string().refine((v) => v.trim() === RESET_CONFIRMATION, {
      message: `Type ${RESET_CONFIRMATION} to confirm.`,
    }),
  }),
  async (_input, user) => {
    const summary = await resetTradingData(getDb(), user);
    revalidatePath('/', 'layout');
    return summary;
  },
  admin,
);
