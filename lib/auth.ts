import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { checkCredentials } from './credentials';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // Every attempt, refused or not, is written to the audit log by checkCredentials.
      async authorize(raw) {
        const user = await checkCredentials(raw);
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
  ],
});
