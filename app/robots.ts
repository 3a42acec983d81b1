import type { MetadataRoute } from 'next';
import { NEWS_SITEMAP_PATH } from '@/lib/sitemaps';
import { absoluteUrl } from '@/lib/site-url';

// Cached like the reader's pages; never the build's copy (the cache handler keeps nothing from the build),
// so the origin is the one of the running server's environment.
export const revalidate = 60;

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
