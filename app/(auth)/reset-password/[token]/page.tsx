import type { Metadata } from 'next';
import { TokenPage, type TokenProblems } from '@/components/dashboard/token-page';
import { SetPasswordForm } from '@/components/dashboard/set-password-form.client';
import { getPasswordResetByToken } from '@/db/queries/people';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { resetPasswordAction } from './actions';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false, follow: false }, referrer: 'no-referrer' };

const PROBLEM: TokenProblems = {
  missing: { title: 'This password reset link does not work', text: 'Check that you copied all of it, or ask an admin of the newsroom for a new one.' },
  used: { title: 'This password reset link has been used', text: 'Each link works once. Sign in with your new password, or ask an admin for another link.' },
  expired: { title: 'This password reset link has expired', text: 'Reset links last one hour. Ask an admin of the newsroom for a new one.' },
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await getPasswordResetByToken(token);
  return (
    <TokenPage state={reset?.state ?? null} problems={PROBLEM}>
      {reset?.state === 'valid' && (
        <>
          <h1 className="mt-8 mb-2 text-2xl font-semibold">Choose a new password</h1>
          <p className="mb-6 text-sm text-muted">
            For <strong className="text-ink">{reset.email}</strong>. Once it is set, you are signed out on every device and sign in again with the new one.
          </p>
          <SetPasswordForm
            action={resetPasswordAction}
            token={token}
            email={reset.email}
            submitLabel="Set new password"
            doneMessage="Your new password is set. Sign in with it now."
            passwordHint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong one.`}
          />
        </>
      )}
    </TokenPage>
  );
}
