import { withUser } from '@/lib/auth/route';
import { AI_STRATEGY_TEMPLATES, createAiStrategy, listAiStrategies } from '@/lib/ai';
import { createAiStrategyInputSchema } from '@/lib/ai/strategies';
import { parseOrThrow } from '@/lib/errors/zod-fields';
import { readJson } from '@/lib/http/read-json';
import { getTrading } from '@/lib/trading/runtime';

export const dynamic = 'force-dynamic';

/** The user's AI strategies with every version (current, pending drafts) and the templates. */
export const GET = withUser(async (_request, _context, user) => {
  const strategies = await listAiStrategies(getTrading().deps.db, user.id);
  return Response.json({ strategies, templates: AI_STRATEGY_TEMPLATES });
});

/** Creates a strategy (from a template or a prompt) with its version 1. */
export const POST = withUser(async (request, _context, user) => {
  const input = parseOrThrow(createAiStrategyInputSchema, await readJson(request));
  const created = await createAiStrategy(getTrading().deps.db, user.id, input);
  return Response.json(created, { status: 201 });
});
