import { countPublishedArticlesByAuthor } from '@/db/queries/articles';
import { hasPublicArticles, listFeedArticles, type FeedArticle, type FeedScope } from '@/db/queries/distribution';
import { getPublicAuthor } from '@/db/queries/people';
import { getSectionBySlug, getTagBySlug } from '@/db/queries/taxonomy';
import { articleHref, authorHref, sectionHref, tagHref } from '@/lib/paths';
import { clampText, feedPaths } from '@/lib/seo';
import { getSiteSettings } from '@/lib/settings/site';
import { absoluteUrl, siteOrigin } from '@/lib/site-url';
import { buildRss, escapeXml, xmlResponse, type RssItem } from '@/lib/xml';

/** How many of the newest articles a feed carries. */
export const FEED_ITEMS = 30;

export type FeedTarget = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string };

/** The newsroom fields a feed needs (from getSiteSettings()). */
export interface FeedSite {
  name: string;
  tagline: string;
  locale: string;
}

const MEDIA_FILE = /^\/media\/[\w.-]+$/;

/**
 * Stored article HTML made fit for a feed reader, which has no idea where
 * "/media/…" lives: body images point at the original upload (not the
 * optimiser, whose srcset means nothing outside the site), links on the site
 * become absolute. The HTML was sanitised when saved: attributes are
 * double-quoted and nothing else needs rewriting.
 */
export function absolutizeHtml(html: string, origin: string): string {
  const base = escapeXml(origin);
  return html
    .replace(/\s(?:srcset|sizes)="[^"]*"/g, '')
    .replace(/\ssrc="\/_next\/image\?url=([^&"]+)[^"]*"/g, (whole, encoded: string) => {
      let path = '';
      try {
        path = decodeURIComponent(encoded);
      } catch {
        return whole;
      }
      return MEDIA_FILE.test(path) ? ` src="${base}${path}"` : whole;
    })
    .replace(/\s(href|src)="\/(?!\/)/g, (_, attr: string) => ` ${attr}="${base}/`);
}

/** The lead image with its caption and credit, then the body: what the reader sees on the article page. */
export function feedItemHtml(article: FeedArticle, origin: string): string {
  let lead = '';
  if (article.leadImage) {
    const { src, alt, width, height } = article.leadImage;
    const caption = [article.leadImageCaption.trim(), article.leadImageCredit.trim()].filter(Boolean).map(escapeXml).join(' ');
    lead = `<figure><img src="${escapeXml(origin + src)}" alt="${escapeXml(alt)}" width="${width}" height="${height}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  }
  return lead + absolutizeHtml(article.bodyHtml, origin);
}

/**
 * RSS readers show <description> as HTML: plain text (a dek, a tagline) is HTML-escaped before
 * the XML escaping, so "<img onerror=…>" typed into a dek reaches a reader as those characters.
 */
function plainTextAsHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function feedItem(article: FeedArticle, origin: string): RssItem {
  return {
    title: article.headline,
    link: absoluteUrl(articleHref(article.slug)),
    pubDate: article.publishedAt,
    creators: article.authors.map((a) => a.name),
    categories: [...(article.section ? [article.section.name] : []), ...article.tags],
    description: plainTextAsHtml(article.dek.trim() || clampText(article.textStart, 300)),
    contentHtml: feedItemHtml(article, origin),
  };
}

interface Channel {
  title: string;
  path: string;
  feedPath: string;
  description: string;
  scope: FeedScope;
}

/** What the feed follows, or null when there is no such thing (a 404). */
async function channelFor(target: FeedTarget, site: FeedSite): Promise<Channel | null> {
  switch (target.kind) {
    case 'site':
      return { title: site.name, path: '/', feedPath: feedPaths.site, description: site.tagline, scope: {} };
    case 'section': {
      const section = await getSectionBySlug(target.slug);
      if (!section) return null;
      return {
        title: `${section.name} · ${site.name}`,
        path: sectionHref(section.slug),
        feedPath: feedPaths.section(section.slug),
        description: section.description.trim() || `The latest ${section.name} stories from ${site.name}.`,
        scope: { sectionId: section.id },
      };
    }
    case 'tag': {
      const tag = await getTagBySlug(target.slug);
      // Tags are made as writers type them: one that only drafts use is nobody's business yet.
      if (!tag || !(await hasPublicArticles({ tagId: tag.id }))) return null;
      return {
        title: `${tag.name} · ${site.name}`,
        path: tagHref(tag.slug),
        feedPath: feedPaths.tag(tag.slug),
        description: `Stories tagged “${tag.name}” from ${site.name}.`,
        scope: { tagId: tag.id },
      };
    }
    case 'author': {
      const author = await getPublicAuthor(target.slug);
      // The same rule as the author page: someone with nothing public and no bio has no public presence.
      if (!author || (!author.bio.trim() && (await countPublishedArticlesByAuthor(author.id)) === 0)) return null;
      return {
        title: `${author.name} · ${site.name}`,
        path: authorHref(author.slug),
        feedPath: feedPaths.author(author.slug),
        description: `Stories by ${author.name} for ${site.name}.`,
        scope: { authorId: author.id },
      };
    }
  }
}

/** The RSS 2.0 document for the whole site, a section, a tag or a person; null for an unknown one. */
export async function feedXml(target: FeedTarget, site: FeedSite, now = new Date()): Promise<string | null> {
  const channel = await channelFor(target, site);
  if (!channel) return null;
  const articles = await listFeedArticles(channel.scope, FEED_ITEMS);
  const origin = siteOrigin();
  const newest = articles.reduce<Date | null>((latest, a) => {
    const changed = a.modifiedAt && a.modifiedAt > a.publishedAt ? a.modifiedAt : a.publishedAt;
    return !latest || changed > latest ? changed : latest;
  }, null);
  return buildRss({
    title: channel.title,
    link: absoluteUrl(channel.path),
    selfUrl: absoluteUrl(channel.feedPath),
    description: plainTextAsHtml(channel.description),
    language: site.locale,
    lastBuildDate: newest ?? now,
    items: articles.map((article) => feedItem(article, origin)),
  });
}

/** A feed route's answer: the feed, or a 404 for an unknown section, tag or person. */
export async function feedResponse(target: FeedTarget): Promise<Response> {
  const xml = await feedXml(target, await getSiteSettings());
  return xml ? xmlResponse(xml, 'application/rss+xml') : new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
