import { z } from 'zod';
import { withUser } from '@/lib/auth/route';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { commandBot } from '@/lib/trading/bots';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string; command: string }> };
export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  id: z.uuid('Bot not found.'),
  command: z.enum(['start', 'stop', 'pause', 'resume'], {
    message: 'The command is one of start, stop, pause, resume.',
  }),
});

/** POST /api/bots/<id>/start | stop | pause | resume */
export const POST = withUser<Context>(async (_request, context, user) => {
  const { id, command } = parseOrThrow(paramsSchema, await context.params);
  const bot = await commandBot(getTrading().deps, user.id, id, command);
  return Response.json({ bot });
});
