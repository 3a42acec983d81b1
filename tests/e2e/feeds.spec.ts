import type { APIRequestContext } from '@playwright/test';
import { demoArticles } from '../../db/demo-content';
import { slugify } from '../../lib/slug';
import { isRfc822, isW3cDate, readNewsSitemap, readRss, readSitemapIndex, readUrlset } from '../helpers/xml';
import { expect, test, uniqueText } from './fixtures';
import { removeArticle, uniqueWord, writeArticle, type WrittenArticle } from './reader-articles';

const RSS = 'application/rss+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';
const HOUR = 3_600_000;

const demoPublished = demoArticles.filter((a) => a.publishedHoursAgo !== null);
const demoDrafts = demoArticles.filter((a) => a.publishedHoursAgo === null);

async function get(request: APIRequestContext, path: string, contentType: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toBe(contentType);
  return response.text();
}

const feed = async (request: APIRequestContext, path: string) => readRss(await get(request, path, RSS));

/** Every URL listed by the sitemap index, file by file. */
async function sitemapUrls(request: APIRequestContext): Promise<string[]> {
  const index = readSitemapIndex(await get(request, '/sitemap.xml', XML));
  expect(index.length).toBeGreaterThan(0);
  const urls: string[] = [];
  for (const part of index) {
    expect(isW3cDate(part.lastmod!)).toBe(true);
    for (const url of readUrlset(await get(request, new URL(part.loc).pathname, XML))) {
      if (url.lastmod) expect(isW3cDate(url.lastmod)).toBe(true);
      urls.push(url.loc);
    }
  }
  return urls;
}

/** The public articles as a reader finds them: every page of "All stories". */
async function publicArticlePaths(request: APIRequestContext): Promise<string[]> {
  const paths = new Set<string>();
  for (let page = 1; page < 100; page++) {
    const html = await (await request.get(page === 1 ? '/latest' : `/latest?page=${page}`)).text();
    for (const [, path] of html.matchAll(/href="(\/articles\/[^"#?]+)"/g)) paths.add(path);
    if (!html.includes('rel="next"')) break;
  }
  return [...paths].sort();
}

test.describe('feeds and sitemaps', () => {
  test('every feed and sitemap is valid XML that lists public articles only', async ({ request, baseURL }) => {
    const url = (path: string) => `${baseURL}${path}`;
    const checked = new Map<string, number>();
    const status = async (link: string) => {
      if (!checked.has(link)) checked.set(link, (await request.get(new URL(link).pathname, { maxRedirects: 0 })).status());
      return checked.get(link);
    };

    for (const path of ['/feed.xml', '/sections/news/feed.xml', '/tags/harbour/feed.xml', '/authors/ilse-marrow/feed.xml']) {
      const rss = await feed(request, path);
      expect(rss.version).toBe('2.0');
      expect(rss.self).toEqual({ href: url(path), rel: 'self', type: 'application/rss+xml' });
      expect(rss.items.length, path).toBeGreaterThan(0);
      expect(rss.items.length).toBeLessThanOrEqual(30);
      const dates = rss.items.map((i) => Date.parse(i.pubDate));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      for (const item of rss.items) {
        expect(item.link.startsWith(url('/articles/'))).toBe(true);
        expect(item).toMatchObject({ guid: item.link, guidIsPermaLink: 'true' });
        expect(isRfc822(item.pubDate)).toBe(true);
        expect(item.creators.length).toBeGreaterThan(0);
        expect(item.content).toContain('<p>');
        expect(item.content).not.toMatch(/(src|href)="\//);
        expect(await status(item.link), item.link).toBe(200);
      }
      for (const draft of demoDrafts) expect(rss.items.map((i) => i.link)).not.toContain(url(`/articles/${draft.slug}`));
      if (path.startsWith('/sections/')) for (const item of rss.items) expect(item.categories[0]).toBe('News');
      if (path.startsWith('/tags/')) for (const item of rss.items) expect(item.categories).toContain('Harbour');
      if (path.startsWith('/authors/')) for (const item of rss.items) expect(item.creators).toContain('Ilse Marrow');
    }
    for (const path of ['/sections/no-such-section/feed.xml', '/tags/no-such-tag/feed.xml', '/authors/no-such-person/feed.xml', '/sitemaps/0.xml', '/sitemaps/999.xml', '/sitemaps/x.xml']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }

    // The sitemaps list the home page, the sections and exactly the articles readers can open.
    const urls = await sitemapUrls(request);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls[0]).toBe(url('/'));
    for (const section of ['news', 'politics', 'business', 'culture']) expect(urls).toContain(url(`/sections/${section}`));
    expect(urls).toContain(url('/authors/ilse-marrow'));
    expect(urls).toContain(url('/tags/harbour'));
    const articlePaths = urls.filter((u) => u.startsWith(url('/articles/'))).map((u) => new URL(u).pathname).sort();
    expect(articlePaths).toEqual(await publicArticlePaths(request));
    for (const draft of demoDrafts) expect(articlePaths).not.toContain(`/articles/${draft.slug}`);
    for (const path of articlePaths) expect(await status(url(path)), path).toBe(200);

    // Google News: the last 48 hours only, under the newsroom's name.
    const siteName = (await feed(request, '/feed.xml')).title;
    const news = readNewsSitemap(await get(request, '/news-sitemap.xml', XML));
    const newsPaths = news.map((n) => new URL(n.loc).pathname);
    for (const article of demoPublished) {
      const listed = newsPaths.includes(`/articles/${article.slug}`);
      if (article.publishedHoursAgo! < 47) expect(listed, article.slug).toBe(true);
      if (article.publishedHoursAgo! > 49) expect(listed, article.slug).toBe(false);
    }
    for (const entry of news) {
      expect(entry).toMatchObject({ name: siteName, language: 'en' });
      expect(Date.now() - Date.parse(entry.publicationDate)).toBeLessThan(48 * HOUR + 60_000);
      expect(await status(entry.loc)).toBe(200);
    }
    const ferry = news.find((n) => n.loc === url('/articles/skerry-ferry-crews-begin-48-hour-strike'));
    expect(ferry?.title).toBe('Skerry ferry crews begin 48-hour strike over new rotas');
  });

  test('robots.txt lets crawlers read the site, keeps them out of staff pages and names both sitemaps', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    const lines = (await response.text()).split('\n').map((l) => l.trim()).filter(Boolean);
    const values = (field: string) => lines.filter((l) => l.toLowerCase().startsWith(`${field.toLowerCase()}:`)).map((l) => l.slice(field.length + 1).trim());
    expect(values('User-Agent')).toEqual(['*']);
    expect(values('Allow')).toEqual(['/']);
    expect(values('Disallow')).toEqual(expect.arrayContaining(['/dashboard', '/api/', '/sign-in']));
    expect(values('Disallow')).not.toContain('/');
    expect(values('Sitemap')).toEqual([`${baseURL}/sitemap.xml`, `${baseURL}/news-sitemap.xml`]);
  });

  test('publishing puts an article in the feeds and sitemaps, a draft never, and unpublishing takes it out', async ({ page, request, signIn, baseURL }) => {
    const url = (path: string) => `${baseURL}${path}`;
    const tag = uniqueText('Slipway');
    const tagFeed = `/tags/${slugify(tag)}/feed.xml`;
    await signIn('editor');
    const made: WrittenArticle[] = [];
    try {
      const article = await writeArticle(page, { headline: uniqueText('Slipway reopens & boats <return>'), body: `The ${uniqueWord()} slipway reopened on Monday.`, tag, publish: true });
      made.push(article);
      const draft = await writeArticle(page, { headline: uniqueText('Draft slipway costs'), body: 'Not ready.', tag, publish: false });
      made.push(draft);
      const articleUrl = url(`/articles/${article.slug}`);
      const draftUrl = url(`/articles/${draft.slug}`);

      const byTag = await feed(request, tagFeed);
      expect(byTag.title).toContain(tag);
      expect(byTag.items.map((i) => i.link)).toEqual([articleUrl]);
      expect(byTag.items[0]).toMatchObject({ title: article.headline, creators: ['Ben Castellan'], categories: ['News', tag] });
      for (const path of ['/feed.xml', '/sections/news/feed.xml', '/authors/ben-castellan/feed.xml']) {
        const links = (await feed(request, path)).items.map((i) => i.link);
        expect(links, path).toContain(articleUrl);
        expect(links, path).not.toContain(draftUrl);
      }
      const urls = await sitemapUrls(request);
      expect(urls).toContain(articleUrl);
      expect(urls).toContain(url(`/tags/${slugify(tag)}`));
      expect(urls).not.toContain(draftUrl);
      const news = readNewsSitemap(await get(request, '/news-sitemap.xml', XML));
      expect(news.find((n) => n.loc === articleUrl)?.title).toBe(article.headline);
      expect(news.map((n) => n.loc)).not.toContain(draftUrl);

      await removeArticle(page, article.id);
      made.shift();
      expect((await feed(request, '/feed.xml')).items.map((i) => i.link)).not.toContain(articleUrl);
      expect((await request.get(tagFeed)).status()).toBe(404);
      expect(await sitemapUrls(request)).not.toContain(articleUrl);
      expect(readNewsSitemap(await get(request, '/news-sitemap.xml', XML)).map((n) => n.loc)).not.toContain(articleUrl);
    } finally {
      for (const { id } of made) await removeArticle(page, id);
    }
  });
});
