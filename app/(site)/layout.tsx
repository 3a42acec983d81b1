import { SiteFooter, SiteHeader } from '@/components/site/site-header';
import { listSections } from '@/db/queries/taxonomy';

// Rendered per request for now; cached pages with tag invalidation are issue #6.
export const dynamic = 'force-dynamic';

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const sections = await listSections();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-panel focus:px-3 focus:py-2">
        Skip to content
      </a>
      <SiteHeader sections={sections} />
      <main id="main" className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
