import { withUser } from '@/lib/auth/route';
import {
  aiSettingsInputSchema,
  loadAiSettings,
  saveAiSettings,
  toPublicAiSettings,
} from '@/lib/ai';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** The user's AI settings without the key (only `hasApiKey`). */
export const GET = withUser(async (_request, _context, user) => {
  return Response.json({
    settings: toPublicAiSettings(await loadAiSettings(getTrading().deps.db, user.id)),
  });
});

/** Saves the settings; `apiKey`: a string sets it, null removes it, absent keeps the stored one. */
export const PUT = withUser(async (request, _context, user) => {
  const input = parseOrThrow(aiSettingsInputSchema, await readJson(request));
  return Response.json({ settings: await saveAiSettings(getTrading().deps.db, user.id, input) });
});
