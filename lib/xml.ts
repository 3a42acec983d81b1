/**
 * The XML the site sends to machines: RSS 2.0 feeds, sitemaps, the sitemap
 * index and the Google News sitemap. Plain strings built from escaped parts;
 * every text and attribute value goes through `escapeXml` or `cdata`.
 */

/**
 * URLs per sitemap file; past that they are split under an index. sitemaps.org
 * allows 50,000; a file of 5,000 is read in a few milliseconds at 100,000
 * articles (npm run bench:queries), where one of 50,000 took hundreds.
 */
export const SITEMAP_MAX_URLS = 5_000;
/** Google News reads at most 1,000 articles per news sitemap. */
export const NEWS_SITEMAP_MAX_URLS = 1_000;

// Characters XML 1.0 forbids even when escaped: C0 controls other than tab,
// newline and carriage return, lone surrogates, U+FFFE and U+FFFF. Pasted text
// can carry them, and one would make the whole document unreadable.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripForbiddenXmlChars(value: string): string {
  return value.replace(FORBIDDEN, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/**
 * Escapes text for an element's content or a quoted attribute. Carriage
 * returns, newlines and tabs become character references: a parser would
 * otherwise turn "\r" into "\n" and, in an attribute, all three into spaces.
 */
export function escapeXml(value: string): string {
  return stripForbiddenXmlChars(value).replace(/[&<>"'\r\n\t]/g, (c) => ENTITIES[c]);
}

/**
 * A CDATA section; a `]]>` inside is split across two sections so it cannot
 * end the first early. Line ends are "\n", as a parser would make them anyway.
 */
export function cdata(value: string): string {
  return `<![CDATA[${stripForbiddenXmlChars(value).replace(/\r\n?/g, '\n').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

/** RFC 822 date-time, as RSS 2.0 wants it: "Tue, 10 Mar 2026 09:30:00 GMT". */
export const rfc822 = (date: Date) => date.toUTCString();

/** W3C date-time, as sitemaps want it. */
export const w3cDate = (date: Date) => date.toISOString();

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// ---------------------------------------------------------------- RSS 2.0

export interface RssItem {
  title: string;
  /** Absolute URL of the article; also its permanent guid. */
  link: string;
  pubDate: Date;
  /** Bylines, one dc:creator each. */
  creators: string[];
  categories: string[];
  description: string;
  /** Full article HTML, absolute URLs only. */
  contentHtml: string;
}

export interface RssChannel {
  title: string;
  /** Absolute URL of the page the feed follows. */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  selfUrl: string;
  description: string;
  /** BCP 47 ("en-GB"); written lower-case as RSS readers expect ("en-gb"). */
  language: string;
  lastBuildDate: Date;
  items: RssItem[];
}

export function buildRss(channel: RssChannel): string {
  const items = channel.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.link),
      `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
      element('pubDate', rfc822(item.pubDate)),
      ...item.creators.map((name) => element('dc:creator', name)),
      ...item.categories.map((name) => element('category', name)),
      element('description', item.description),
      `<content:encoded>${cdata(item.contentHtml)}</content:encoded>`,
      '</item>',
    ].join(''),
  );
  return (
    XML_DECLARATION +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n' +
    [
      element('title', channel.title),
      element('link', channel.link),
      element('description', channel.description),
      element('language', channel.language.toLowerCase()),
      element('lastBuildDate', rfc822(channel.lastBuildDate)),
      `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
      element('generator', 'Masthead'),
      ...items,
    ].join('\n') +
    '\n</channel>\n</rss>\n'
  );
}

// ---------------------------------------------------------------- sitemaps

export interface SitemapUrl {
  loc: string;
  lastmod?: Date | null;
}

export function buildUrlset(urls: SitemapUrl[]): string {
  const entries = urls.map((u) => `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', w3cDate(u.lastmod)) : ''}</url>`);
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

export function buildSitemapIndex(sitemaps: SitemapUrl[]): string {
  const entries = sitemaps.map((s) => `<sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', w3cDate(s.lastmod)) : ''}</sitemap>`);
  return `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
}

export interface NewsSitemapUrl {
  loc: string;
  title: string;
  publicationDate: Date;
}

/**
 * Google's language code for a news sitemap: the ISO 639 language of a BCP 47
 * locale ("en-GB" → "en"), except Chinese, which Google wants as zh-cn or zh-tw.
 */
export function newsLanguage(locale: string): string {
  const [language, ...rest] = locale.toLowerCase().split(/[-_]/);
  if (language === 'zh') return rest.some((part) => part === 'tw' || part === 'hk' || part === 'mo' || part === 'hant') ? 'zh-tw' : 'zh-cn';
  return language;
}

export function buildNewsSitemap(publication: { name: string; language: string }, urls: NewsSitemapUrl[]): string {
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`;
  const entries = urls.map(
    (u) =>
      `<url>${element('loc', u.loc)}<news:news>${pub}${element('news:publication_date', w3cDate(u.publicationDate))}${element('news:title', u.title)}</news:news></url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${entries.join('\n')}\n</urlset>\n`;
}

/** A route handler's response for one of these documents. */
export function xmlResponse(body: string, contentType: 'application/rss+xml' | 'application/xml' = 'application/xml'): Response {
  return new Response(body, { headers: { 'Content-Type': `${contentType}; charset=utf-8`, 'X-Content-Type-Options': 'nosniff' } });
}
