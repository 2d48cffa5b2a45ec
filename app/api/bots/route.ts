import { withUser } from '@/lib/auth/route';
import { listUserBots } from '@/lib/db/queries/bots';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { botInputSchema } from '@/lib/trading/bot-input';
import { createBot } from '@/lib/trading/bots';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

export const GET = withUser(async (_request, _context, user) => {
  return Response.json({ bots: await listUserBots(getTrading().deps.db, user.id) });
});

export const POST = withUser(async (request, _context, user) => {
  const input = parseOrThrow(botInputSchema, await readJson(request));
  const bot = await createBot(getTrading().deps, user.id, input);
  return Response.json({ bot }, { status: 201 });
});
