import Link from 'next/link';
import { getSiteSettings } from '@/lib/settings/site';

export type TokenState = 'valid' | 'used' | 'expired';
export type TokenProblems = Record<'missing' | 'used' | 'expired', { title: string; text: string }>;

/**
 * The frame of a page reached by a single-use link (an invitation, a password
 * reset): the right message for a link that is unknown, spent or expired, or
 * the page's own content when the link is good.
 */
export async function TokenPage({ state, problems, children }: { state: TokenState | null; problems: TokenProblems; children: React.ReactNode }) {
  const site = await getSiteSettings();
  const problem = state === null ? problems.missing : state === 'used' ? problems.used : state === 'expired' ? problems.expired : null;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <Link href="/" className="font-serif text-2xl font-bold">
        {site.name}
      </Link>
      {problem ? (
        <>
          <h1 className="mt-8 mb-3 text-2xl font-semibold">{problem.title}</h1>
          <p className="text-muted">{problem.text}</p>
          <Link href="/sign-in" className="mt-6 underline">
            Go to staff sign-in
          </Link>
        </>
      ) : (
        children
      )}
    </main>
  );
}
