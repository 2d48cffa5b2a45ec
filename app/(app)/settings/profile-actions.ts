'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/auth/action';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db';
import { updateUser } from '@/lib/db/queries/users';
import { users } from '@/lib/db/schema';
import { AppError } from '@/lib/errors/app-error';
import { passwordChangeSchema, profileSchema } from './schemas';

export const updateProfileAction = userAction(profileSchema, async ({ name }, user) => {
  await updateUser(getDb(), user.id, { name });
  revalidatePath('/', 'layout');
  return { name };
});

/** Changes the password after checking the current one. */
export const changePasswordAction = userAction(
  passwordChangeSchema,
  async ({ currentPassword, newPassword }, user) => {
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('bad_request', 'The current password is wrong.', {
        currentPassword: ['The current password is wrong.'],
      });
    }
    await getDb()
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    return { changed: true };
  },
);
