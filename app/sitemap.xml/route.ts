import { cachedSitemapIndexResponse } from '@/lib/cache/distribution';

// The sitemap index (lib/sitemaps.ts says why this is not app/sitemap.ts).
// Cached (lib/cache): built once per change, refreshed through its tags; the time is a safety net.
export const revalidate = 60;

export function GET(): Promise<Response> {
  return cachedSitemapIndexResponse();
}
