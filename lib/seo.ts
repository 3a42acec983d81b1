import type { Metadata } from 'next';
import type { PublicArticle } from '@/db/queries/articles';
import { getSiteSettings } from './settings/site';
import { absoluteUrl } from './site-url';

/** The generated site-wide card (app/opengraph-image.tsx) and the size every card is drawn at. */
export const DEFAULT_OG_IMAGE_PATH = '/opengraph-image';
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * Where Next.js serves app/(site)/articles/[slug]/opengraph-image.tsx. Metadata
 * routes inside a route group get a suffix hashed from the folder path
 * ("(site)/articles/[slug]"); tests/unit/seo.test.ts checks this one against
 * Next's own function, so a change in Next or a moved folder fails a test.
 */
export const ARTICLE_CARD_ROUTE_SUFFIX = 'zcvdb6';

/** The article's generated social card; `version` changes the URL when the card changes, so platforms fetch it again. */
export function articleCardPath(slug: string, version?: Date | null): string {
  const path = `/articles/${encodeURIComponent(slug)}/opengraph-image-${ARTICLE_CARD_ROUTE_SUFFIX}`;
  return version ? `${path}?v=${version.getTime().toString(36)}` : path;
}

/** Fixed feed addresses (app/(site)/**\/feed.xml). */
export const feedPaths = {
  site: '/feed.xml',
  section: (slug: string) => `/sections/${slug}/feed.xml`,
  tag: (slug: string) => `/tags/${slug}/feed.xml`,
  author: (slug: string) => `/authors/${slug}/feed.xml`,
};

export interface SeoImage {
  /** A path on this site ("/media/…") or an absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  type?: string;
}

export interface PageSeo {
  /** The page's own title; the root layout adds " · Newsroom" unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  description: string;
  /** The canonical path of the page, with its query string if the query names a distinct page ("?page=2"). */
  path: string;
  image?: SeoImage;
  /** The page's own RSS feed ("Politics": listed as "Newsroom: Politics"); the site-wide feed is always listed too. */
  feed?: { title: string; path: string };
  type?: 'website' | 'article';
  /** og:article fields, for `type: 'article'`. */
  article?: {
    publishedTime: Date;
    modifiedTime?: Date | null;
    section?: string | null;
    tags?: string[];
    /** Author profile paths ("/authors/ilse-marrow"). */
    authors?: string[];
  };
  noindex?: boolean;
}

/** The newsroom fields the metadata needs (from getSiteSettings()). */
export interface SeoSite {
  name: string;
  locale: string;
}

/** "en-GB" → "en_GB", OpenGraph's spelling. */
export function ogLocale(locale: string): string {
  const [language, region] = locale.split(/[-_]/);
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
}

const absolute = (url: string) => (/^https?:\/\//i.test(url) ? url : absoluteUrl(url));

/**
 * Collapses whitespace and cuts at a word boundary, so a description fits the
 * ~160 characters search results show and never ends mid-word.
 */
export function clampText(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  // The cut already ends a word when the next character is a space.
  const space = clean[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text from the article's stored (sanitised) HTML, for a description when there is no dek. */
export function textFromHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A page's metadata: canonical URL, OpenGraph, Twitter card and feed links.
 * Pure, so it can be tested; pages call `pageMetadata`, which adds the settings.
 *
 * Every page sets its own `openGraph.images`: metadata merges shallowly, so a
 * page's `openGraph` would otherwise drop the site-wide card of the root segment.
 */
export function buildPageMetadata(page: PageSeo, site: SeoSite): Metadata {
  const url = absoluteUrl(page.path);
  const description = clampText(page.description, 300);
  const image = page.image ?? { url: DEFAULT_OG_IMAGE_PATH, ...OG_IMAGE_SIZE, alt: site.name, type: 'image/png' };
  const images = [{ url: absolute(image.url), width: image.width, height: image.height, alt: image.alt, ...(image.type ? { type: image.type } : {}) }];
  const feeds = [
    ...(page.feed && page.feed.path !== feedPaths.site ? [{ title: `${site.name}: ${page.feed.title}`, path: page.feed.path }] : []),
    { title: site.name, path: feedPaths.site },
  ];
  const ogTitle = page.title;

  const common = { title: ogTitle, description, url, siteName: site.name, locale: ogLocale(site.locale), images };
  const openGraph: Metadata['openGraph'] =
    page.type === 'article' && page.article
      ? {
          ...common,
          type: 'article',
          publishedTime: page.article.publishedTime.toISOString(),
          ...(page.article.modifiedTime ? { modifiedTime: page.article.modifiedTime.toISOString() } : {}),
          ...(page.article.section ? { section: page.article.section } : {}),
          ...(page.article.tags?.length ? { tags: page.article.tags } : {}),
          ...(page.article.authors?.length ? { authors: page.article.authors.map(absolute) } : {}),
        }
      : { ...common, type: page.type === 'article' ? 'article' : 'website' };

  return {
    title: page.absoluteTitle ? { absolute: page.title } : page.title,
    description,
    alternates: {
      canonical: url,
      types: { 'application/rss+xml': feeds.map((feed) => ({ title: feed.title, url: absoluteUrl(feed.path) })) },
    },
    openGraph,
    twitter: { card: 'summary_large_image', title: ogTitle, description, images: images.map(({ url: src, alt }) => ({ url: src, alt })) },
    ...(page.noindex ? { robots: { index: false, follow: true } } : {}),
  };
}

/** `buildPageMetadata` with the newsroom's name and locale from the settings. */
export async function pageMetadata(page: PageSeo): Promise<Metadata> {
  const settings = await getSiteSettings();
  return buildPageMetadata(page, { name: settings.name, locale: settings.locale });
}

/** What a search result or a shared link says under the headline: the dek, or the start of the text. */
export function articleDescription(article: { dek: string; bodyHtml: string }): string {
  return clampText(article.dek.trim() || textFromHtml(article.bodyHtml), 200);
}

/** An article page: og:type article with its dates, section, tags and authors, and its generated card. */
export function articleMetadata(article: PublicArticle): Promise<Metadata> {
  const modifiedAt = article.modifiedAt && article.modifiedAt > article.publishedAt ? article.modifiedAt : null;
  return pageMetadata({
    title: article.headline,
    description: articleDescription(article),
    path: `/articles/${article.slug}`,
    type: 'article',
    image: { url: articleCardPath(article.slug, article.updatedAt), ...OG_IMAGE_SIZE, alt: article.headline, type: 'image/png' },
    article: {
      publishedTime: article.publishedAt,
      modifiedTime: modifiedAt,
      section: article.section?.name,
      tags: article.tags.map((tag) => tag.name),
      authors: article.authors.map((author) => `/authors/${author.slug}`),
    },
  });
}
