import { listArticleChunks, listRecentArticles, listSitemapArticles, listSitemapPages, type ArticleChunks } from '@/db/queries/distribution';
import { articleHref, authorHref, sectionHref, tagHref } from '@/lib/paths';
import { absoluteUrl } from '@/lib/site-url';
import { buildNewsSitemap, buildSitemapIndex, buildUrlset, newsLanguage, NEWS_SITEMAP_MAX_URLS, SITEMAP_MAX_URLS, type SitemapUrl } from '@/lib/xml';

/**
 * /sitemap.xml is always a sitemap index, pointing at /sitemaps/1.xml, 2.xml …
 * of at most `size` URLs each: the listing pages (home, sections, tags,
 * authors) first, then every public article, oldest first. Next.js's
 * generateSitemaps() serves the parts but no index (vercel/next.js#77304),
 * hence route handlers.
 */

export const sitemapPartPath = (n: number) => `/sitemaps/${n}.xml`;
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml';
/** Google News only wants articles from the last two days. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;

/** "3.xml" → 3; anything else (0, "03.xml", "3", "x.xml") → null. */
export function parseSitemapFile(file: string): number | null {
  const m = /^([1-9]\d{0,6})\.xml$/.exec(file);
  return m ? Number(m[1]) : null;
}

const pagePaths = { section: sectionHref, tag: tagHref, author: authorHref };

const latest = (a: Date | null | undefined, b: Date | null | undefined) => (!a ? (b ?? null) : !b ? a : a > b ? a : b);

/** The files' lastmods and boundaries (listArticleChunks), or a cached copy of them (lib/cache/distribution.ts). */
export type LoadArticleChunks = (leading: number, size: number) => Promise<ArticleChunks>;

export async function sitemapIndexXml(size = SITEMAP_MAX_URLS, loadChunks: LoadArticleChunks = listArticleChunks): Promise<string> {
  const pages = await listSitemapPages(pagePaths);
  // One entry per file with articles, the last one included: no count needed.
  const { lastmods: articleLastmods } = await loadChunks(pages.length, size);
  const files = Math.max(1, Math.ceil(pages.length / size), ...[...articleLastmods.keys()].map((chunk) => chunk + 1));
  const entries: SitemapUrl[] = [];
  for (let chunk = 0; chunk < files; chunk++) {
    let lastmod = articleLastmods.get(chunk) ?? null;
    for (const page of pages.slice(chunk * size, (chunk + 1) * size)) lastmod = latest(lastmod, page.lastmod);
    // A file of tag and author pages only (they carry no lastmod, see listSitemapPages):
    // the home page's, the newest change of all, bounds theirs.
    lastmod ??= pages[0]?.lastmod ?? null;
    entries.push({ loc: absoluteUrl(sitemapPartPath(chunk + 1)), lastmod });
  }
  return buildSitemapIndex(entries);
}

/**
 * Sitemap file `n` (from 1), or null past the last one. With `loadChunks`
 * (the index's walk, cached), a file starts one step after the last article
 * of the file before; without, it walks the index from the first article to
 * its own first. The same articles either way.
 */
export async function sitemapPartXml(n: number, size = SITEMAP_MAX_URLS, loadChunks?: LoadArticleChunks): Promise<string | null> {
  if (!Number.isInteger(n) || n < 1) return null;
  const pages = await listSitemapPages(pagePaths);
  const start = (n - 1) * size;
  const pageSlice = pages.slice(start, start + size);
  const offset = Math.max(0, start - pages.length);
  const limit = size - pageSlice.length;
  let articles: Awaited<ReturnType<typeof listSitemapArticles>>;
  if (offset === 0 || !loadChunks) articles = await listSitemapArticles({ offset, limit });
  else {
    // File n is chunk n - 1: it follows the end of chunk n - 2, which has one only if full (else n is past the last file).
    const after = (await loadChunks(pages.length, size)).ends.get(n - 2);
    articles = after === undefined ? [] : await listSitemapArticles({ offset, limit, after });
  }
  // Past the last file (the first always exists, if only with the home page).
  if (n > 1 && pageSlice.length === 0 && articles.length === 0) return null;
  return buildUrlset([
    ...pageSlice.map((p) => ({ loc: absoluteUrl(p.path), lastmod: p.lastmod })),
    ...articles.map((a) => ({ loc: absoluteUrl(articleHref(a.slug)), lastmod: a.lastmod })),
  ]);
}

/** The Google News sitemap: articles published in the last 48 hours. */
export async function newsSitemapXml(site: { name: string; locale: string }, now = new Date()): Promise<string> {
  const recent = await listRecentArticles(new Date(now.getTime() - NEWS_WINDOW_MS), NEWS_SITEMAP_MAX_URLS);
  return buildNewsSitemap(
    { name: site.name, language: newsLanguage(site.locale) },
    recent.map((a) => ({ loc: absoluteUrl(articleHref(a.slug)), title: a.headline, publicationDate: a.publishedAt })),
  );
}
