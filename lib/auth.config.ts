import type { NextAuthConfig } from 'next-auth';
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
  }
}

// The part of the auth setup that needs no database, shared by proxy.ts.
// proxy.ts only redirects; every page, action and route checks for itself.
export const authConfig = {
  trustHost: true,
  pages: { signIn: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 60 * 60 * 12 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
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
