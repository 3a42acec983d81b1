import { absoluteUrl } from './site-url';

/**
 * schema.org structured data for search engines and aggregators: builders
 * that take plain values (testable without a database) and one serialiser.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };
export type JsonLd = { '@context'?: string; '@type': string } & { [key: string]: Json | undefined };

export interface LdImage {
  url: string;
  width: number;
  height: number;
}

export interface LdPublisher {
  name: string;
  description?: string;
  logo?: LdImage | null;
}

const absolute = (url: string) => (/^https?:\/\//i.test(url) ? url : absoluteUrl(url));
const imageObject = (image: LdImage) => ({ '@type': 'ImageObject', url: absolute(image.url), width: image.width, height: image.height });

/**
 * JSON for a `<script type="application/ld+json">`. JSON.stringify alone is not
 * enough inside HTML: a headline containing "</script>" would end the script
 * element and whatever follows would run. Escaping <, > and & as \u escapes
 * keeps the JSON identical for a parser and inert for the HTML tokenizer; the
 * two line separators are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function publisherLd(publisher: LdPublisher): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl('/#organization'),
    name: publisher.name,
    url: absoluteUrl('/'),
    ...(publisher.description ? { description: publisher.description } : {}),
    ...(publisher.logo ? { logo: imageObject(publisher.logo) } : {}),
  };
}

export interface ArticleLdInput {
  slug: string;
  headline: string;
  description: string;
  publishedAt: Date;
  /** When the article was last changed for readers; the publication time when never. */
  modifiedAt?: Date | null;
  authors: { name: string; slug: string }[];
  section: { name: string; slug: string } | null;
  tags: { name: string }[];
  /** The lead image, and/or the generated social card: at least one. */
  images: LdImage[];
  publisher: LdPublisher;
}

export function newsArticleLd(article: ArticleLdInput): JsonLd {
  const url = absoluteUrl(`/articles/${article.slug}`);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.headline,
    ...(article.description ? { description: article.description } : {}),
    datePublished: article.publishedAt.toISOString(),
    dateModified: (article.modifiedAt && article.modifiedAt > article.publishedAt ? article.modifiedAt : article.publishedAt).toISOString(),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(`/authors/${author.slug}`) })),
    image: article.images.map(imageObject),
    ...(article.section ? { articleSection: article.section.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    publisher: publisherLd(article.publisher),
    isAccessibleForFree: true,
  };
}

/** Home → section → article; the section step is left out for an article without one. */
export function articleBreadcrumbLd(article: { slug: string; headline: string; section: { name: string; slug: string } | null }, homeName: string): JsonLd {
  const steps = [
    { name: homeName, url: absoluteUrl('/') },
    ...(article.section ? [{ name: article.section.name, url: absoluteUrl(`/sections/${article.section.slug}`) }] : []),
    { name: article.headline, url: absoluteUrl(`/articles/${article.slug}`) },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: step.url })),
  };
}

/** The site itself, with the search box search engines may show under its name. */
export function webSiteLd(site: { name: string; description?: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': absoluteUrl('/#website'),
    name: site.name,
    url: absoluteUrl('/'),
    ...(site.description ? { description: site.description } : {}),
    publisher: { '@id': absoluteUrl('/#organization') },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl('/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function organizationLd(publisher: LdPublisher): JsonLd {
  return { '@context': 'https://schema.org', ...publisherLd(publisher) };
}
