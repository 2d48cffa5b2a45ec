import { withUser } from '@/lib/auth/route';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { botPatchSchema } from '@/lib/trading/bot-input';
import { editBot, getBotOrThrow, removeBot } from '@/lib/trading/bots';
import { getTrading } from '@/lib/trading/runtime';
import { idParam } from '@/lib/http/id-param';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

export const GET = withUser<Context>(async (_request, context, user) => {
  const bot = await getBotOrThrow(getTrading().deps.db, user.id, await idParam(context));
  return Response.json({ bot });
});

export const PATCH = withUser<Context>(async (request, context, user) => {
  const patch = parseOrThrow(botPatchSchema, await readJson(request));
  const bot = await editBot(getTrading().deps, user.id, await idParam(context), patch);
  return Response.json({ bot });
});

export const DELETE = withUser<Context>(async (_request, context, user) => {
  await removeBot(getTrading().deps.db, user.id, await idParam(context));
  return new Response(null, { status: 204 });
});
