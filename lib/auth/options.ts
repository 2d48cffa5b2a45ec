import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '../config';
import { getDb } from '../db';
import { AppError } from '../errors/app-error';
import { authenticate } from './authenticate';
import { CLIENT_IP_HEADER } from './client-ip-header';
import { credentialsSchema } from './schemas';

/**
 * next-auth v4: email + password, JWT sessions. The token carries only the user id; role and
 * status are read from the database on every request by the guards in `./current-user`.
 */
export function authOptions(): NextAuthOptions {
  const config = getConfig();
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
    pages: { signIn: '/login', error: '/login' },
    useSecureCookies:
      config.OSPREY_SECURE_COOKIES ?? config.NEXTAUTH_URL?.startsWith('https://') ?? false,
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error('Invalid email or password.');
          const ipHeader = req.headers?.[CLIENT_IP_HEADER] as string | undefined;
          try {
            const user = await authenticate(
              getDb(),
              { ...parsed.data, ip: ipHeader ?? 'unknown' },
              {
                windowMinutes: config.LOGIN_WINDOW_MINUTES,
                maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
                maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
              },
              new Date(),
            );
            return { id: user.id, email: user.email, name: user.name };
          } catch (error) {
            if (error instanceof AppError) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
