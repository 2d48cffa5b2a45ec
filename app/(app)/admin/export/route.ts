import { z } from 'zod';
import { EXPORT_CONFIRMATION } from '@/lib/admin/confirmations';
import { exportEverything } from '@/lib/admin/export-everything';
import { withUser } from '@/lib/auth/route';
import { getDb } from '@/lib/db';
import { parseOrThrow } from '@/lib/errors/zod-fields';

export const dynamic = 'force-dynamic';

const schema = z.object({
  confirmation: z.string().refine((v) => v.trim() === EXPORT_CONFIRMATION, {
    message: `Type ${EXPORT_CONFIRMATION} to confirm.`,
  }),
});

/** POST (a form with the typed confirmation) → a ZIP of every table as CSV and JSON. Admins only. */
export const POST = withUser(
  async (request, _context, user) => {
    const form = await request.formData();
    parseOrThrow(schema, Object.fromEntries(form.entries()));
    const { fileName, zip } = await exportEverything(getDb(), user, new Date());
    return new Response(new Uint8Array(zip), {
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${fileName}"`,
        'cache-control': 'no-store',
      },
    });
  },
  { role: 'admin' },
);
