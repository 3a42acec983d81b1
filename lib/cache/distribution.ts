import 'server-only';
import { listArticleChunks } from '@/db/queries/distribution';
import { feedXml, type FeedTarget } from '@/lib/feeds';
import { getSiteSettings } from '@/lib/settings/site';
import { newsSitemapXml, sitemapIndexXml, sitemapPartXml } from '@/lib/sitemaps';
import { SITEMAP_MAX_URLS, xmlResponse } from '@/lib/xml';
import { cached } from './cached';
import { tag } from './tags';

/**
 * Feeds and sitemaps, each document built once per change and kept whole in
 * the data cache (the route's response is cached by Next as well). Any article
 * change invalidates `feeds` and `sitemaps`; a renamed person `bylines`; the
 * site's name `settings`.
 */
const feedDocument = cached(async (target: FeedTarget) => feedXml(target, await getSiteSettings()), {
  key: 'feed',
  tags: () => [tag.feeds, tag.bylines, tag.settings],
  buildValue: '',
});

const notFound = (what: string) => new Response(what, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** A feed route's answer: the feed, or a 404 for an unknown section, tag or person. */
export async function cachedFeedResponse(target: FeedTarget): Promise<Response> {
  const xml = await feedDocument(target);
  return xml === null ? notFound('No such feed.') : xmlResponse(xml, 'application/rss+xml');
}

// The index's walk of the articles, kept for the files: each starts from the end
// of the one before instead of walking the index from the first article.
const sitemapChunks = cached(listArticleChunks, {
  key: 'sitemap.chunks',
  tags: () => [tag.sitemaps],
  buildValue: { lastmods: new Map(), ends: new Map() },
});
const sitemapIndex = cached(() => sitemapIndexXml(SITEMAP_MAX_URLS, sitemapChunks), { key: 'sitemap.index', tags: () => [tag.sitemaps], buildValue: '' });
const sitemapPart = cached((n: number) => sitemapPartXml(n, SITEMAP_MAX_URLS, sitemapChunks), { key: 'sitemap.part', tags: () => [tag.sitemaps], buildValue: '' });
// Google News wants the last 48 hours: the hourly refresh lets old articles drop out when nothing new is published.
const newsSitemap = cached(async () => newsSitemapXml(await getSiteSettings()), { key: 'sitemap.news', tags: () => [tag.sitemaps, tag.settings], buildValue: '', revalidate: 3600 });

export async function cachedSitemapIndexResponse(): Promise<Response> {
  return xmlResponse(await sitemapIndex());
}

export async function cachedSitemapPartResponse(n: number | null): Promise<Response> {
  const xml = n === null ? null : await sitemapPart(n);
  return xml === null ? notFound('No such sitemap.') : xmlResponse(xml);
}

export async function cachedNewsSitemapResponse(): Promise<Response> {
  return xmlResponse(await newsSitemap());
}
