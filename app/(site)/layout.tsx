import { SiteFooter, SiteHeader } from '@/components/site/site-header';
import { listSectionsInHomeOrder } from '@/lib/settings/sections';
import { getSiteLogo, getSiteSettings } from '@/lib/settings/site';

// Reader pages are cached whole and refreshed through cache tags the moment what they show changes
// (lib/cache); the time is a safety net, and the s-maxage a CDN sees. Search and support stay dynamic.
export const revalidate = 60;

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [settings, logo, sections] = await Promise.all([getSiteSettings(), getSiteLogo(), listSectionsInHomeOrder()]);
  const site = { name: settings.name, tagline: settings.tagline, supportText: settings.supportText, logo };
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-panel focus:px-3 focus:py-2">
        Skip to content
      </a>
      <SiteHeader site={site} sections={sections} />
      <main id="main" className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
        {children}
      </main>
      <SiteFooter site={site} />
    </>
  );
}
