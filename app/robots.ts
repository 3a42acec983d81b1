import type { MetadataRoute } from 'next';
import { NEWS_SITEMAP_PATH } from '@/lib/sitemaps';
import { absoluteUrl } from '@/lib/site-url';

// The origin comes from the environment at run time, not from the build.
export const dynamic = 'force-dynamic';

/**
 * Crawlers get the reader's site and the sitemaps; staff pages, the API and
 * single-use links (invitations, password resets) are no place for them.
 * Search result pages stay crawlable on purpose: they say `noindex` themselves,
 * which a crawler can only read if it may fetch them.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/dashboard', '/api/', '/sign-in', '/invite/', '/reset-password/'],
    },
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl(NEWS_SITEMAP_PATH)],
  };
}
