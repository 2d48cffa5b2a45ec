import { withUser } from '@/lib/auth/route';
import { calibrationOf } from '@/lib/ai-runtime';
import { idParam } from '@/lib/http/id-param';
import { getTrading } from '@/lib/trading/runtime';

type Context = { params: Promise<{ id: string }> };
export const dynamic = 'force-dynamic';

/** Confidence buckets of a strategy version against take-profit-before-stop, with Brier score. */
export const GET = withUser<Context>(async (_request, context, user) => {
  return Response.json({
    calibration: await calibrationOf(getTrading().deps.db, user.id, await idParam(context)),
  });
});
