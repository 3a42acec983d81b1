/**
 * The public origin of the reader's site ("https://news.example.org"), for
 * canonical URLs, feeds, sitemaps and social cards. SITE_URL in production;
 * scripts/serve.ts fills in http://localhost:<port> when it is not set.
 */
export function siteOrigin(): string {
  const raw = process.env.SITE_URL || `http://localhost:${process.env.PORT || 3000}`;
  return raw.replace(/\/+$/, '');
}

/** An absolute URL on the reader's site: absoluteUrl('/articles/x'). */
export function absoluteUrl(path = '/'): string {
  return `${siteOrigin()}${path.startsWith('/') ? path : `/${path}`}`;
}
