import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillMetadataSegment } from 'next/dist/lib/metadata/get-metadata-route';
import { articleCardPath, ARTICLE_CARD_ROUTE_SUFFIX, buildPageMetadata, clampText, feedPaths, ogLocale, textFromHtml } from '@/lib/seo';
import { estimateLines, fitText, joinNames } from '@/lib/social-card';

const site = { name: 'The Harbour Ledger', locale: 'en-GB' };
let savedSiteUrl: string | undefined;

beforeEach(() => {
  savedSiteUrl = process.env.SITE_URL;
  process.env.SITE_URL = 'https://news.example.org/';
});
afterEach(() => {
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

describe('buildPageMetadata', () => {
  it('gives a section page an absolute canonical URL, a website card with the default image and both feeds', () => {
    const metadata = buildPageMetadata(
      { title: 'Politics', description: 'The council chamber.', path: '/sections/politics', feed: { title: 'Politics', path: feedPaths.section('politics') } },
      site,
    );
    expect(metadata.title).toBe('Politics');
    expect(metadata.description).toBe('The council chamber.');
    expect(metadata.alternates?.canonical).toBe('https://news.example.org/sections/politics');
    expect(metadata.alternates?.types?.['application/rss+xml']).toEqual([
      { title: 'The Harbour Ledger: Politics', url: 'https://news.example.org/sections/politics/feed.xml' },
      { title: 'The Harbour Ledger', url: 'https://news.example.org/feed.xml' },
    ]);
    expect(metadata.openGraph).toMatchObject({
      type: 'website',
      title: 'Politics',
      url: 'https://news.example.org/sections/politics',
      siteName: 'The Harbour Ledger',
      locale: 'en_GB',
      images: [{ url: 'https://news.example.org/opengraph-image', width: 1200, height: 630, alt: 'The Harbour Ledger' }],
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image', title: 'Politics', images: [{ url: 'https://news.example.org/opengraph-image' }] });
    expect(metadata.robots).toBeUndefined();
  });

  it('lists the site feed once on the home page, keeps an absolute title and can ask not to be indexed', () => {
    const metadata = buildPageMetadata(
      { title: 'The Harbour Ledger', absoluteTitle: true, description: 'News', path: '/', feed: { title: 'All', path: '/feed.xml' }, noindex: true },
      site,
    );
    expect(metadata.title).toEqual({ absolute: 'The Harbour Ledger' });
    expect(metadata.alternates?.types?.['application/rss+xml']).toEqual([{ title: 'The Harbour Ledger', url: 'https://news.example.org/feed.xml' }]);
    expect(metadata.robots).toEqual({ index: false, follow: true });
  });

  it('describes an article with its dates, section, tags, author pages and its own card', () => {
    const publishedTime = new Date('2026-03-14T09:30:00Z');
    const modifiedTime = new Date('2026-03-15T10:00:00Z');
    const metadata = buildPageMetadata(
      {
        title: 'Harbour dredging to begin',
        description: 'Work starts in March.',
        path: '/articles/harbour-dredging',
        type: 'article',
        image: { url: articleCardPath('harbour-dredging'), width: 1200, height: 630, alt: 'Harbour dredging to begin', type: 'image/png' },
        article: { publishedTime, modifiedTime, section: 'Politics', tags: ['Harbour', 'Council'], authors: ['/authors/ilse-marrow', '/authors/ben-castellan'] },
      },
      site,
    );
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2026-03-14T09:30:00.000Z',
      modifiedTime: '2026-03-15T10:00:00.000Z',
      section: 'Politics',
      tags: ['Harbour', 'Council'],
      authors: ['https://news.example.org/authors/ilse-marrow', 'https://news.example.org/authors/ben-castellan'],
      images: [{ url: `https://news.example.org/articles/harbour-dredging/opengraph-image-${ARTICLE_CARD_ROUTE_SUFFIX}`, width: 1200, height: 630, type: 'image/png' }],
    });
  });

  it('keeps an absolute image URL as it is and shortens a long description at a word', () => {
    const long = 'word '.repeat(100);
    const metadata = buildPageMetadata({ title: 'T', description: long, path: '/x', image: { url: 'https://cdn.example.net/a.jpg', width: 10, height: 10, alt: '' } }, site);
    expect((metadata.openGraph?.images as { url: string }[])[0].url).toBe('https://cdn.example.net/a.jpg');
    expect(metadata.description!.length).toBeLessThanOrEqual(300);
    expect(metadata.description).toMatch(/word…$/);
  });
});

describe('the article card URL', () => {
  it('matches the route Next.js gives app/(site)/articles/[slug]/opengraph-image.tsx', () => {
    const route = fillMetadataSegment('/(site)/articles/[slug]', { slug: 'harbour-dredging' } as never, 'opengraph-image', false);
    expect(articleCardPath('harbour-dredging')).toBe(route);
  });

  it('changes with the version so platforms fetch the card again', () => {
    expect(articleCardPath('a', new Date(1000))).not.toBe(articleCardPath('a', new Date(2000)));
  });
});

describe('text helpers', () => {
  it('spells locales the OpenGraph way', () => {
    expect(ogLocale('en-GB')).toBe('en_GB');
    expect(ogLocale('fr')).toBe('fr');
    expect(ogLocale('pt_br')).toBe('pt_BR');
  });

  it('turns stored HTML into plain text with entities decoded', () => {
    expect(textFromHtml('<p>Fish &amp; chips</p><p>at &#163;5&nbsp;each</p><script>x()</script>')).toBe('Fish & chips at £5 each');
  });

  it('leaves short text alone and cuts long text at a word with an ellipsis', () => {
    expect(clampText('  Short   text ')).toBe('Short text');
    const cut = clampText('The council approved the budget after a long debate about harbour repairs', 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toBe('The council approved the budget after a…');
  });
});

describe('social card layout', () => {
  it('estimates wrapped lines, breaking words longer than a line', () => {
    expect(estimateLines('one two three', 7)).toBe(2);
    expect(estimateLines('a'.repeat(25), 10)).toBe(3);
  });

  it('sets a short headline large and a long one smaller', () => {
    const box = { width: 632, height: 330 };
    const short = fitText('Ferry strike ends', box);
    const long = fitText('Shoreline plan would let the sea reclaim Westmouth marsh to protect the town from a rising tide', box);
    expect(short.fontSize).toBeGreaterThan(long.fontSize);
    expect(long.text).not.toMatch(/…$/);
  });

  it('cuts a headline too long for the card at a word, within the lines that fit', () => {
    const box = { width: 632, height: 330 };
    const fitted = fitText('word '.repeat(200), box);
    expect(fitted.text).toMatch(/word…$/);
    expect(estimateLines(fitted.text, Math.floor(box.width / (fitted.fontSize * 0.5)))).toBeLessThanOrEqual(fitted.lines);
  });

  it('joins names the way a byline reads', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
