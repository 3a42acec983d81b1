import type { NextAuthConfig } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role; sessionVersion: number };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
    /** When the person signed in (ms since the epoch): the absolute limit counts from here. */
    authAt?: number;
    /** The last request that could refresh the cookie (ms): the idle limit counts from here. */
    seenAt?: number;
  }
}

/**
 * A session ends 12 hours after signing in, whatever happens (a working day and a bit), or after
 * 2 hours without a request to the dashboard, whichever comes first. Both are claims in the token,
 * checked on every read of it; the cookie itself also expires 2 hours after the last request.
 */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;

/** The token still valid at `now`, with its last-seen time moved on; null once a limit has passed. */
export function withinSessionLimits(token: JWT, now: number): JWT | null {
  if (typeof token.authAt !== 'number' || typeof token.seenAt !== 'number') return null;
  if (now - token.authAt >= SESSION_ABSOLUTE_MS || now - token.seenAt >= SESSION_IDLE_MS) return null;
  return { ...token, seenAt: Math.max(token.seenAt, now) };
}

/**
 * Secure cookies in production. The one exception is a production build serving this machine over
 * plain HTTP (SITE_URL http://localhost…, as the e2e suite and a local `npm start` do): there
 * next-auth decides per request, Secure when the request came over HTTPS. HttpOnly and
 * SameSite=Lax are next-auth's own settings for every cookie it sets.
 */
export function secureCookies(env: { NODE_ENV?: string; SITE_URL?: string } = process.env): boolean | undefined {
  if (env.NODE_ENV !== 'production') return false;
  return /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/.test(env.SITE_URL ?? '') ? undefined : true;
}

// The part of the auth setup that needs no database, shared by proxy.ts.
// proxy.ts only redirects; every page, action and route checks for itself.
export const authConfig = {
  trustHost: true,
  pages: { signIn: '/sign-in' },
  // maxAge slides: each refreshed cookie lives for the idle limit from then.
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_MS / 1000 },
  useSecureCookies: secureCookies(),
  providers: [],
  callbacks: {
    jwt({ token, user, trigger }) {
      const now = Date.now();
      if (user && trigger === 'signIn') {
        return { ...token, uid: user.id, role: user.role, sv: user.sessionVersion ?? 0, authAt: now, seenAt: now };
      }
      // Anything a browser posts to /api/auth/session (trigger "update") is ignored: the claims
      // change only by signing in (and by lib/auth.ts's own re-issue after a password change).
      return withinSessionLimits(token, now);
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
  logger: {
    // A wrong password is an expected event, not an error: no stack trace for it.
    error(error: Error) {
      const type = (error as Error & { type?: string }).type ?? error.name;
      if (type === 'CredentialsSignin') return;
      console.error(`[auth] ${type}: ${error.message}`);
    },
    warn(code: string) {
      if (code !== 'debug-enabled') console.warn(`[auth] warning: ${code}`);
    },
  },
} satisfies NextAuthConfig;
