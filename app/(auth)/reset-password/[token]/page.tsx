import type { Metadata } from 'next';
import Link from 'next/link';
import { SetPasswordForm } from '@/components/dashboard/set-password-form.client';
import { getPasswordResetByToken } from '@/db/queries/people';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { site } from '@/lib/site';
import { resetPasswordAction } from './actions';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false, follow: false }, referrer: 'no-referrer' };

const PROBLEM = {
  missing: { title: 'This password reset link does not work', text: 'Check that you copied all of it, or ask an admin of the newsroom for a new one.' },
  used: { title: 'This password reset link has been used', text: 'Each link works once. Sign in with your new password, or ask an admin for another link.' },
  expired: { title: 'This password reset link has expired', text: 'Reset links last one hour. Ask an admin of the newsroom for a new one.' },
} as const;

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await getPasswordResetByToken(token);
  const problem = !reset ? PROBLEM.missing : reset.state === 'used' ? PROBLEM.used : reset.state === 'expired' ? PROBLEM.expired : null;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <Link href="/" className="font-serif text-2xl font-bold">
        {site.name}
      </Link>
      {problem || !reset ? (
        <>
          <h1 className="mt-8 mb-3 text-2xl font-semibold">{problem?.title}</h1>
          <p className="text-muted">{problem?.text}</p>
          <Link href="/sign-in" className="mt-6 underline">
            Go to staff sign-in
          </Link>
        </>
      ) : (
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
    </main>
  );
}
