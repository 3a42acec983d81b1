import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads the site's feeds and sitemaps the way a feed reader or crawler would:
 * a real XML parser, after the document has passed its validator. Shared by
 * the integration tests and the Playwright specs.
 */

const LISTS = new Set(['item', 'url', 'sitemap', 'dc:creator', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Character references (&#10;) decoded, as any XML parser does.
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});

/** Throws with the validator's message (line and column) when the document is not well-formed XML. */
export function parseXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Invalid XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  return parser.parse(xml) as Record<string, unknown>;
}

type Node = Record<string, unknown>;
const textOf = (value: unknown): string => (typeof value === 'string' ? value : value && typeof value === 'object' && '#text' in value ? String((value as Node)['#text']) : '');

export interface RssItemRead {
  title: string;
  link: string;
  guid: string;
  guidIsPermaLink: string | undefined;
  pubDate: string;
  creators: string[];
  categories: string[];
  description: string;
  content: string;
}

export interface RssRead {
  version: string;
  title: string;
  link: string;
  description: string;
  language: string;
  lastBuildDate: string;
  self: { href: string; rel: string; type: string };
  items: RssItemRead[];
}

export function readRss(xml: string): RssRead {
  const doc = parseXml(xml);
  const rss = doc.rss as Node;
  if (!rss) throw new Error('Not an RSS document');
  const channel = rss.channel as Node;
  const self = channel['atom:link'] as Node;
  return {
    version: String(rss['@version']),
    title: textOf(channel.title),
    link: textOf(channel.link),
    description: textOf(channel.description),
    language: textOf(channel.language),
    lastBuildDate: textOf(channel.lastBuildDate),
    self: { href: String(self?.['@href']), rel: String(self?.['@rel']), type: String(self?.['@type']) },
    items: ((channel.item as Node[] | undefined) ?? []).map((item) => ({
      title: textOf(item.title),
      link: textOf(item.link),
      guid: textOf(item.guid),
      guidIsPermaLink: (item.guid as Node | undefined)?.['@isPermaLink'] as string | undefined,
      pubDate: textOf(item.pubDate),
      creators: ((item['dc:creator'] as unknown[] | undefined) ?? []).map(textOf),
      categories: ((item.category as unknown[] | undefined) ?? []).map(textOf),
      description: textOf(item.description),
      content: textOf(item['content:encoded']),
    })),
  };
}

export interface UrlRead {
  loc: string;
  lastmod?: string;
}

export function readUrlset(xml: string): UrlRead[] {
  const set = parseXml(xml).urlset as Node | undefined;
  if (!set) throw new Error('Not a sitemap (no urlset)');
  if (set['@xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') throw new Error('Wrong sitemap namespace');
  return ((set.url as Node[] | undefined) ?? []).map((u) => ({ loc: textOf(u.loc), ...(u.lastmod ? { lastmod: textOf(u.lastmod) } : {}) }));
}

export function readSitemapIndex(xml: string): UrlRead[] {
  const index = parseXml(xml).sitemapindex as Node | undefined;
  if (!index) throw new Error('Not a sitemap index');
  if (index['@xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') throw new Error('Wrong sitemap namespace');
  return ((index.sitemap as Node[] | undefined) ?? []).map((s) => ({ loc: textOf(s.loc), ...(s.lastmod ? { lastmod: textOf(s.lastmod) } : {}) }));
}

export interface NewsUrlRead {
  loc: string;
  name: string;
  language: string;
  publicationDate: string;
  title: string;
}

export function readNewsSitemap(xml: string): NewsUrlRead[] {
  const set = parseXml(xml).urlset as Node | undefined;
  if (!set) throw new Error('Not a sitemap (no urlset)');
  if (set['@xmlns:news'] !== 'http://www.google.com/schemas/sitemap-news/0.9') throw new Error('No Google News namespace');
  return ((set.url as Node[] | undefined) ?? []).map((u) => {
    const news = u['news:news'] as Node;
    const publication = news['news:publication'] as Node;
    return {
      loc: textOf(u.loc),
      name: textOf(publication['news:name']),
      language: textOf(publication['news:language']),
      publicationDate: textOf(news['news:publication_date']),
      title: textOf(news['news:title']),
    };
  });
}

/** A W3C date-time as sitemaps write it ("2026-03-14T09:30:00.000Z"). */
export const isW3cDate = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
/** An RFC 822 date as RSS writes it ("Sat, 14 Mar 2026 09:30:00 GMT"). */
export const isRfc822 = (value: string) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value);
