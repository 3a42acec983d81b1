import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleBreadcrumbLd, newsArticleLd, organizationLd, serializeJsonLd, webSiteLd, type ArticleLdInput } from '@/lib/json-ld';

let savedSiteUrl: string | undefined;
beforeEach(() => {
  savedSiteUrl = process.env.SITE_URL;
  process.env.SITE_URL = 'https://news.example.org';
});
afterEach(() => {
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

const hostile = '</script><script>alert(1)</script> & <!-- \u2028';

const article: ArticleLdInput = {
  slug: 'harbour-dredging',
  headline: 'Harbour dredging to begin in March',
  description: 'Work starts next month.',
  publishedAt: new Date('2026-03-14T09:30:00Z'),
  modifiedAt: new Date('2026-03-15T08:00:00Z'),
  authors: [
    { name: 'Ilse Marrow', slug: 'ilse-marrow' },
    { name: 'Ben Castellan', slug: 'ben-castellan' },
  ],
  section: { name: 'Politics', slug: 'politics' },
  tags: [{ name: 'Harbour' }, { name: 'Council' }],
  images: [{ url: '/media/abc.jpg', width: 1600, height: 1000 }],
  publisher: { name: 'The Harbour Ledger', logo: { url: '/opengraph-image', width: 1200, height: 630 } },
};

describe('serializeJsonLd', () => {
  it('keeps a hostile headline from closing the script element, and parses back to the same text', () => {
    const json = serializeJsonLd(newsArticleLd({ ...article, headline: hostile }));
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(json).headline).toBe(hostile);
  });
});

describe('newsArticleLd', () => {
  it('names the article, its dates, authors, images, section, keywords and publisher with absolute URLs', () => {
    const ld = JSON.parse(serializeJsonLd(newsArticleLd(article)));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour dredging to begin in March',
      description: 'Work starts next month.',
      datePublished: '2026-03-14T09:30:00.000Z',
      dateModified: '2026-03-15T08:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Ilse Marrow', url: 'https://news.example.org/authors/ilse-marrow' },
        { '@type': 'Person', name: 'Ben Castellan', url: 'https://news.example.org/authors/ben-castellan' },
      ],
      image: [{ '@type': 'ImageObject', url: 'https://news.example.org/media/abc.jpg', width: 1600, height: 1000 }],
      articleSection: 'Politics',
      keywords: ['Harbour', 'Council'],
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Harbour Ledger', logo: { url: 'https://news.example.org/opengraph-image' } },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/articles/harbour-dredging' },
      isAccessibleForFree: true,
    });
  });

  it('gives the publication time as the modification time when never modified, and leaves out an empty section and tags', () => {
    const ld = newsArticleLd({ ...article, modifiedAt: null, section: null, tags: [] });
    expect(ld.dateModified).toBe('2026-03-14T09:30:00.000Z');
    expect(ld).not.toHaveProperty('articleSection');
    expect(ld).not.toHaveProperty('keywords');
  });
});

describe('articleBreadcrumbLd', () => {
  it('goes home, then the section, then the article', () => {
    const ld = articleBreadcrumbLd(article, 'The Harbour Ledger');
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'The Harbour Ledger', item: 'https://news.example.org/' },
      { '@type': 'ListItem', position: 2, name: 'Politics', item: 'https://news.example.org/sections/politics' },
      { '@type': 'ListItem', position: 3, name: 'Harbour dredging to begin in March', item: 'https://news.example.org/articles/harbour-dredging' },
    ]);
  });

  it('skips the section step for an article without one', () => {
    const ld = articleBreadcrumbLd({ ...article, section: null }, 'Home');
    expect((ld.itemListElement as unknown[]).length).toBe(2);
  });
});

describe('home page structured data', () => {
  it('describes the site with a search action and the newsroom as a news organisation', () => {
    const site = webSiteLd({ name: 'The Harbour Ledger' });
    expect(site.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example.org/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
    const org = organizationLd({ name: 'The Harbour Ledger', logo: null });
    expect(org).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsMediaOrganization', name: 'The Harbour Ledger', url: 'https://news.example.org/' });
    expect(org).not.toHaveProperty('logo');
  });
});
