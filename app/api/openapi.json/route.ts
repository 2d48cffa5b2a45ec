import { openApiDocument } from '@/lib/signals/openapi';
import { withApiUser } from '@/lib/signals/with-api-user';

export const dynamic = 'force-dynamic';

/** The OpenAPI 3.1 description of the API (for a signed-in user or an access token with `read`). */
export const GET = withApiUser('read', () => Promise.resolve(Response.json(openApiDocument)));
