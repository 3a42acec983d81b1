import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { checkCredentials } from './credentials';
import { clientAddress } from './throttle/address';

/**
 * One-use grants to re-issue the caller's own session with a new session version, made by the
 * server itself (keepThisSession) and never seen by a browser: a token posted to
 * /api/auth/session from outside cannot name one, so it cannot revive an ended session.
 */
type Reissue = { uid: string; sv: number };
const g = globalThis as typeof globalThis & { __mastheadReissues?: Map<string, Reissue> };
const reissues = (g.__mastheadReissues ??= new Map());

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // Every attempt, refused or not, is written to the audit log and counted for throttling by
      // checkCredentials; a throttled one throws SignInThrottled (a CredentialsSignin).
      async authorize(raw, request) {
        const user = await checkCredentials(raw, { address: clientAddress(request.headers) });
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    jwt(params) {
      const nonce = params.trigger === 'update' ? (params.session as { reissue?: unknown } | undefined)?.reissue : undefined;
      const grant = typeof nonce === 'string' ? reissues.get(nonce) : undefined;
      if (grant && grant.uid === params.token.uid) {
        reissues.delete(nonce as string);
        return authConfig.callbacks.jwt({ ...params, token: { ...params.token, sv: grant.sv } });
      }
      return authConfig.callbacks.jwt(params);
    },
  },
});

/**
 * After the caller's session version was bumped (a password change ends every other session),
 * gives the caller's own cookie the new version, so this browser stays signed in. For server
 * actions and route handlers only: it sets a cookie.
 */
export async function keepThisSession(user: { id: string; sessionVersion: number }): Promise<void> {
  const nonce = randomUUID();
  reissues.set(nonce, { uid: user.id, sv: user.sessionVersion });
  try {
    await unstable_update({ reissue: nonce } as never);
  } finally {
    reissues.delete(nonce);
  }
}
