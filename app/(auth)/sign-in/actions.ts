'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn, signOut } from '@/lib/auth';
import { fieldErrorsOf, type FieldErrors } from '@/lib/action';
import { isFormData, NOT_A_FORM } from '@/lib/validation/form';
import { SignInThrottled } from '@/lib/credentials';
import { waitMessage } from '@/lib/throttle';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { currentUser } from '@/lib/session';
import { recordAudit } from '@/db/queries/audit';
import { endAllSessions } from '@/db/queries/people';

export type SignInState = { error?: string; fieldErrors?: FieldErrors; email?: string };

const schema = z.object({
  email: z.string().trim().min(1, { error: 'Enter your email address.' }).max(254).pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' })),
  password: z.string().min(1, { error: 'Enter your password.' }).max(1024, { error: 'That password is too long.' }),
  next: z.string().optional(),
});

/** Only paths on this site: never an open redirect. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/dashboard';
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!isFormData(formData)) return { error: NOT_A_FORM };
  const raw = { email: formData.get('email'), password: formData.get('password'), next: formData.get('next') ?? undefined };
  const parsed = schema.safeParse(raw);
  const email = typeof raw.email === 'string' ? raw.email : '';
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: safeNext(parsed.data.next) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      // The same words for an unknown email, a wrong password and a deactivated account.
      if (error instanceof SignInThrottled || (error as { code?: unknown }).code === 'throttled') {
        return { error: waitMessage((error as Partial<SignInThrottled>).retryAfterSeconds ?? 15 * 60), email };
      }
      if (error.type === 'CredentialsSignin') return { error: 'That email and password do not match an active account.', email };
      if (isDatabaseUnavailable(error.cause?.err ?? error.cause)) return { error: 'Masthead cannot reach its database right now. Try again in a moment.', email };
      console.error(`[auth] sign-in failed: ${error.type}`);
      return { error: 'Signing in failed on the server. Try again in a moment.', email };
    }
    throw error; // the redirect after a successful sign-in
  }
}

/**
 * Signs out everywhere: the cookie goes, and every other session of the person (another
 * browser, a copy of the token) ends at once, by the bump of their session version.
 */
export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) {
    await endAllSessions(user.id);
    // The audit entry never stops a sign-out: a failure to write it is one line in the log.
    await recordAudit({ actor: { id: user.id, name: user.name }, action: 'auth.sign_out', objectType: 'user', objectId: user.id }).catch((error: unknown) =>
      console.error(`[auth] could not record auth.sign_out in the audit log: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  await signOut({ redirectTo: '/sign-in' });
}
