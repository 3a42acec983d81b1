import type { Metadata } from 'next';
import { TokenPage, type TokenProblems } from '@/components/dashboard/token-page';
import { SetPasswordForm } from '@/components/dashboard/set-password-form.client';
import { getInviteByToken } from '@/db/queries/people';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { acceptInviteAction } from './actions';

// The token is in the address: keep it out of Referer headers and search engines.
export const metadata: Metadata = { title: 'Join the newsroom', robots: { index: false, follow: false }, referrer: 'no-referrer' };

const ROLE_LABEL = { writer: 'writer', editor: 'editor', admin: 'admin' } as const;

const PROBLEM: TokenProblems = {
  missing: { title: 'This invitation link does not work', text: 'Check that you copied all of it, or ask an admin of the newsroom for a new invitation.' },
  used: { title: 'This invitation has been used', text: 'The account it was for already exists. Sign in with your email address and password.' },
  expired: { title: 'This invitation has expired', text: 'Invitations last seven days. Ask an admin of the newsroom to invite you again.' },
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await getInviteByToken(token);
  return (
    <TokenPage state={invite?.state ?? null} problems={PROBLEM}>
      {invite?.state === 'valid' && (
        <>
          <h1 className="mt-8 mb-2 text-2xl font-semibold">Welcome, {invite.name}</h1>
          <p className="mb-6 text-sm text-muted">
            You are invited to the newsroom as {invite.role === 'writer' ? 'a' : 'an'} {ROLE_LABEL[invite.role]}. Choose a password for <strong className="text-ink">{invite.email}</strong>.
          </p>
          <SetPasswordForm
            action={acceptInviteAction}
            token={token}
            email={invite.email}
            submitLabel="Create my account"
            doneMessage="Your account is ready. Sign in with your email address and the password you chose."
            passwordHint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong one.`}
          />
        </>
      )}
    </TokenPage>
  );
}
