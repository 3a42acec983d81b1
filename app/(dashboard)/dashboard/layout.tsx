import type { Metadata } from 'next';
import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/sign-in/actions';
import { DonationsNavLink } from '@/components/dashboard/donations-nav-link';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isDatabaseUnavailable, unavailableReason } from '@/lib/db-errors';
import { requireUser } from '@/lib/session';
import { getSiteSettings } from '@/lib/settings/site';

export async function generateMetadata(): Promise<Metadata> {
  const name = await getSiteSettings().then(
    (site) => site.name,
    (error: unknown) => {
      if (isDatabaseUnavailable(error)) return 'Masthead';
      throw error;
    },
  );
  return { title: { default: 'Dashboard', template: `%s · Dashboard · ${name}` }, robots: { index: false } };
}

const ROLE_LABEL = { writer: 'Writer', editor: 'Editor', admin: 'Admin' } as const;

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  let user, site;
  try {
    // Every dashboard request reads the person from the database first: this is where an
    // unreachable database is met, and answered with a page that says so (within the pool's
    // 2.5 s connection timeout, db/client.ts) instead of an error.
    [user, site] = await Promise.all([requireUser(), getSiteSettings()]);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`[db] dashboard: the database cannot be reached (${unavailableReason(error)})`);
      return <DatabaseUnavailable />;
    }
    throw error;
  }
  return (
    <div className="min-h-screen bg-paper">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-panel focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-rule bg-panel">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2.5">
          <Link href="/dashboard" className="font-serif text-lg font-bold">
            {site.name} <span className="font-sans text-xs font-medium tracking-wider text-muted uppercase">Newsroom</span>
          </Link>
          <nav aria-label="Dashboard" className="flex flex-wrap gap-x-4 gap-y-1 text-sm whitespace-nowrap">
            <Link href="/dashboard" className="hover:underline">
              Articles
            </Link>
            {user.role !== 'writer' && (
              <Link href="/dashboard/review" className="hover:underline">
                Review
              </Link>
            )}
            <DonationsNavLink role={user.role} />
            {user.role === 'admin' && (
              <>
                <Link href="/dashboard/people" className="hover:underline">
                  People
                </Link>
                <Link href="/dashboard/audit" className="hover:underline">
                  Audit log
                </Link>
                <Link href="/dashboard/settings" className="hover:underline">
                  Settings
                </Link>
              </>
            )}
            <Link href="/" className="hover:underline">
              View site
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link href="/dashboard/profile" className="hover:underline" title="Your profile">
              {user.name} <span className="rounded bg-rule px-1.5 py-0.5 text-xs">{ROLE_LABEL[user.role]}</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="underline">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
