'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
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
