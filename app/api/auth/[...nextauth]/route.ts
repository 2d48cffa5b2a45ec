import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type RouteHandler = (
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

/** Options are built per request so configuration is read at run time, not at build time. */
const handler: RouteHandler = (request, context) =>
  (NextAuth(authOptions()) as RouteHandler)(request, context);

export { handler as GET, handler as POST };
