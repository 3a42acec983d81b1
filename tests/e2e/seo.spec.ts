import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A demo story no spec changes (see reader.spec.ts); every check compares the
// structured data with what the same page shows, not with copied text.
const ARTICLE = '/articles/harbour-dredging-to-begin-in-march';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

type Ld = Record<string, unknown> & { '@type': string };

async function jsonLd(page: Page): Promise<Ld[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
  return blocks.map((text) => JSON.parse(text) as Ld);
}

const meta = (page: Page, attribute: 'name' | 'property', key: string) => page.locator(`meta[${attribute}="${key}"]`).first().getAttribute('content');

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectCard(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
}

test.describe('sharing and metadata', () => {
  test('an article’s NewsArticle and BreadcrumbList data match what the page shows', async ({ page, request, baseURL }) => {
    await page.goto(ARTICLE);
    const headline = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    const main = page.locator('main article').first();
    const header = main.locator('header').first();
    const bylines = await header.locator('a[href^="/authors/"]').evaluateAll((links) => links.map((a) => ({ name: a.textContent!.trim(), href: a.getAttribute('href')! })));
    const section = header.locator('a[href^="/sections/"]');
    const sectionName = (await section.textContent())!.trim();
    const sectionHref = (await section.getAttribute('href'))!;
    const tags = await main.locator('footer a[href^="/tags/"]').evaluateAll((links) => links.map((a) => a.textContent!.trim()));
    const shownDate = await header.locator('time').first().getAttribute('datetime');

    const blocks = await jsonLd(page);
    const article = blocks.find((block) => block['@type'] === 'NewsArticle')!;
    expect(article).toBeTruthy();
    expect(article['@context']).toBe('https://schema.org');
    expect(article.headline).toBe(headline);
    expect(article.description).toBe(await meta(page, 'name', 'description'));
    expect(article.datePublished).toMatch(ISO_INSTANT);
    expect(article.dateModified).toMatch(ISO_INSTANT);
    expect(article.datePublished).toBe(shownDate);
    expect(Date.parse(article.dateModified as string)).toBeGreaterThanOrEqual(Date.parse(article.datePublished as string));
    expect(article.author).toEqual(bylines.map((b) => ({ '@type': 'Person', name: b.name, url: `${baseURL}${b.href}` })));
    expect(article.articleSection).toBe(sectionName);
    expect(article.keywords).toEqual(tags);
    expect(article.isAccessibleForFree).toBe(true);
    expect(article.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${baseURL}${ARTICLE}` });
    const publisher = article.publisher as { '@type': string; name: string; logo: { url: string } };
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    expect(publisher.name).toBeTruthy();
    expect(publisher.logo.url).toMatch(/^https?:\/\//);

    const images = article.image as { url: string; width: number; height: number }[];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image.url).toMatch(new RegExp(`^${baseURL}/`));
      expect(image.width).toBeGreaterThan(0);
      expect(image.height).toBeGreaterThan(0);
      const response = await request.get(image.url);
      expect(response.status(), image.url).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\//);
    }
    // The lead image comes first, exactly as the page shows it.
    const lead = await main.locator('figure img').first().getAttribute('width');
    expect(String(images[0].width)).toBe(lead);

    const crumbs = blocks.find((block) => block['@type'] === 'BreadcrumbList')!;
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: publisher.name, item: `${baseURL}/` },
      { '@type': 'ListItem', position: 2, name: sectionName, item: `${baseURL}${sectionHref}` },
      { '@type': 'ListItem', position: 3, name: headline, item: `${baseURL}${ARTICLE}` },
    ]);
  });

  test('an article has its title, description, canonical URL, OpenGraph and Twitter tags, and a 1200×630 card', async ({ page, request, baseURL }) => {
    await page.goto(ARTICLE);
    const headline = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    const siteName = await meta(page, 'property', 'og:site_name');
    await expect(page).toHaveTitle(`${headline} · ${siteName}`);
    expect(await meta(page, 'name', 'description')).toBeTruthy();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${ARTICLE}`);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('href', `${baseURL}/feed.xml`);
    expect(await meta(page, 'property', 'og:title')).toBe(headline);
    expect(await meta(page, 'property', 'og:type')).toBe('article');
    expect(await meta(page, 'property', 'og:url')).toBe(`${baseURL}${ARTICLE}`);
    expect(await meta(page, 'property', 'article:published_time')).toMatch(ISO_INSTANT);
    expect(await meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
    const ogImage = (await meta(page, 'property', 'og:image'))!;
    expect(ogImage).toMatch(new RegExp(`^${baseURL}${ARTICLE}/opengraph-image`));
    expect(await meta(page, 'name', 'twitter:image')).toBe(ogImage);
    await expectCard(request, ogImage);

    // Platforms that read the card run no JavaScript: the tags must be in the served <head>.
    const html = await (await request.get(ARTICLE, { headers: { 'User-Agent': 'facebookexternalhit/1.1' } })).text();
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<meta property="og:image" content="${ogImage.replace(/&/g, '&amp;')}"/>`);
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });

  test('the site card and the home page’s WebSite and NewsMediaOrganization data', async ({ page, request, baseURL }) => {
    await page.goto('/');
    const siteName = await meta(page, 'property', 'og:site_name');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^${baseURL}/?$`));
    expect(await meta(page, 'property', 'og:type')).toBe('website');
    const ogImage = (await meta(page, 'property', 'og:image'))!;
    expect(ogImage).toBe(`${baseURL}/opengraph-image`);
    await expectCard(request, ogImage);

    const blocks = await jsonLd(page);
    const website = blocks.find((block) => block['@type'] === 'WebSite')!;
    expect(website).toMatchObject({ name: siteName, url: `${baseURL}/` });
    const action = website.potentialAction as { target: { urlTemplate: string }; 'query-input': string };
    expect(action.target.urlTemplate).toBe(`${baseURL}/search?q={search_term_string}`);
    expect(action['query-input']).toBe('required name=search_term_string');
    expect(blocks.find((block) => block['@type'] === 'NewsMediaOrganization')).toMatchObject({ name: siteName, url: `${baseURL}/` });
  });

  test('a section page links its own feed; a card for an unknown article is a 404', async ({ page, request, baseURL }) => {
    await page.goto('/sections/news');
    const feeds = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(feeds).toEqual([`${baseURL}/sections/news/feed.xml`, `${baseURL}/feed.xml`]);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/sections/news`);
    expect((await request.get('/articles/no-such-story/opengraph-image-zcvdb6')).status()).toBe(404);
  });

  test('share links are plain links that open in a new tab, and the page loads no script from elsewhere', async ({ page, context, baseURL }) => {
    await page.goto(ARTICLE);
    const scripts = await page.locator('script[src]').evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(new URL(src).origin, src).toBe(new URL(baseURL!).origin);

    const share = page.getByRole('region', { name: 'Share this article' });
    const url = encodeURIComponent(`${baseURL}${ARTICLE}`);
    const expected: [string, string][] = [
      ['Share on Bluesky (opens in a new tab)', 'https://bsky.app/intent/compose?text='],
      ['Share on X (opens in a new tab)', 'https://x.com/intent/tweet?'],
      ['Share on Facebook (opens in a new tab)', `https://www.facebook.com/sharer/sharer.php?u=${url}`],
      ['Share on LinkedIn (opens in a new tab)', `https://www.linkedin.com/sharing/share-offsite/?url=${url}`],
      ['Share on WhatsApp (opens in a new tab)', 'https://wa.me/?text='],
    ];
    for (const [name, start] of expected) {
      const link = share.getByRole('link', { name, exact: true });
      expect((await link.getAttribute('href'))!.startsWith(start), name).toBe(true);
      expect(await link.getAttribute('href'), name).toContain(url);
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
    const email = share.getByRole('link', { name: 'Share by email', exact: true });
    expect(await email.getAttribute('href')).toMatch(/^mailto:\?subject=.+&body=.+/);
    await expect(email).not.toHaveAttribute('target', /.+/);

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect(share.getByRole('button', { name: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${ARTICLE}`);
  });

  test('without JavaScript the share links work and there is no Copy link button', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(ARTICLE);
    const share = page.getByRole('region', { name: 'Share this article' });
    await expect(share.getByRole('link')).toHaveCount(6);
    await expect(share.getByRole('button')).toHaveCount(0);
    await context.close();
  });
});
