import type { APIRequestContext } from '@playwright/test';
import { expect, test, uniqueText } from './fixtures';
import { DEMO_SETTINGS, SettingsPage } from './pages/settings-page';

// Reader pages are served from the cache (lib/cache) and refreshed through
// cache tags the moment an editor changes what they show. Each check below
// fetches once, right after the action's response: no waiting, no retry.
const DEMO_ARTICLE = '/articles/harbour-dredging-to-begin-in-march';
const EDITOR_PAGE = '/authors/ben-castellan';

/** Fetches a page until it is a cache HIT (at most a few requests), and returns its headers. */
async function warm(request: APIRequestContext, path: string) {
  for (let i = 0; i < 5; i++) {
    const response = await request.get(path);
    if (response.headers()['x-nextjs-cache'] === 'HIT') return response.headers();
  }
  throw new Error(`${path} never came from the cache`);
}

async function body(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  return { status: response.status(), text: await response.text(), cache: response.headers()['x-nextjs-cache'] };
}

test.describe('cached reader pages', () => {
  test('reader pages come from the cache with CDN headers; the dashboard is private', async ({ page, request, signIn }) => {
    for (const path of ['/', DEMO_ARTICLE, '/sections/news', '/tags/fishing', EDITOR_PAGE, '/latest', '/corrections', '/feed.xml', '/sitemap.xml']) {
      const headers = await warm(request, path);
      expect(headers['cache-control'], path).toBe('s-maxage=60, stale-while-revalidate=3540');
    }
    // ?page=N keeps its public address and is cached like page 1.
    expect((await request.get('/latest?page=1')).status()).toBe(200);
    expect((await warm(request, '/latest?page=1'))['cache-control']).toBe('s-maxage=60, stale-while-revalidate=3540');
    expect((await request.get('/latest?page=99')).status()).toBe(404);
    expect((await request.get('/articles/no-such-story')).status()).toBe(404);
    // Search is per query: never from the cache.
    const search = await request.get('/search?q=harbour');
    expect(search.headers()['x-nextjs-cache']).toBeUndefined();
    expect(search.headers()['cache-control']).toContain('no-store');

    await signIn('editor');
    const dashboard = await page.request.get('/dashboard');
    expect(dashboard.headers()['cache-control']).toContain('private');
    expect(dashboard.headers()['cache-control']).toContain('no-store');
  });

  test("the server's fast path sends what Next sends for a cached page, byte for byte", async ({ request }) => {
    // scripts/next-server.mjs answers a cached page from the store; with a query string the same
    // request goes through Next's own pipeline (the page ignores unknown parameters).
    for (const path of [DEMO_ARTICLE, '/', '/tags/fishing', '/feed.xml']) {
      await warm(request, path);
      const fast = await request.get(path);
      const viaNext = await request.get(`${path}?via=next`);
      expect(fast.headers()['x-nextjs-cache'], path).toBe('HIT');
      expect(viaNext.headers()['x-nextjs-cache'], path).toBe('HIT');
      expect(await fast.text(), path).toBe(await viaNext.text());
      // The security headers too: next.config.ts adds them on Next's side, fast-path.mjs on its own
      // (lib/security-headers.mjs), and scripts/next-server.mjs the request id and HSTS on both.
      const security = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy', 'strict-transport-security'];
      for (const name of ['content-type', 'cache-control', 'vary', 'etag', 'x-nextjs-prerender', 'x-nextjs-stale-time', ...security]) {
        expect(fast.headers()[name], `${path} ${name}`).toBe(viaNext.headers()[name]);
      }
      expect(fast.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(fast.headers()['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
      expect(viaNext.headers()['x-request-id'], path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('publishing, editing, correcting and unpublishing show at once on the article, home, section, tag, author pages and feeds', async ({ page, request, signIn, editor }) => {
    await signIn('editor');
    await editor.gotoNew();
    const headline = uniqueText('Ferry timetable cached');
    const tagName = uniqueText('Cachetag').replace(/\s+/g, '');
    await editor.fillHeadline(headline);
    await editor.chooseSection('Business');
    await editor.addTag(tagName);
    await editor.type('The spring timetable adds a late sailing on Fridays.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    let article = `/articles/${await page.getByLabel('Slug').inputValue()}`;
    const tagPage = `/tags/${tagName.toLowerCase()}`;
    const pages = ['/', '/sections/business', EDITOR_PAGE, '/latest', '/feed.xml', '/sections/business/feed.xml'];

    // Every page is cached before the change, the article's address as a 404.
    for (const path of pages) await warm(request, path);
    expect((await body(request, article)).status).toBe(404);
    expect((await body(request, tagPage)).status).toBe(404);
    for (const path of pages) expect((await body(request, path)).text, path).not.toContain(headline);

    await editor.publish();
    await expect(editor.status).toHaveText('Published');
    for (const path of [article, tagPage, ...pages]) {
      const { status, text } = await body(request, path);
      expect(status, path).toBe(200);
      expect(text, `${path} shows the new article at once`).toContain(headline);
    }
    await warm(request, article);

    // An edit to the published text.
    const edited = uniqueText('Ferry timetable revised');
    await editor.fillHeadline(edited);
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(editor.saveState).toHaveText('Saved');
    // The slug follows the headline here: the old address is refreshed as well as the new one.
    const previous = article;
    article = `/articles/${await page.getByLabel('Slug').inputValue()}`;
    if (article !== previous) expect((await body(request, previous)).text).not.toContain(edited);
    for (const path of [article, tagPage, ...pages]) {
      const { text } = await body(request, path);
      expect(text, `${path} shows the edit at once`).toContain(edited);
      expect(text, path).not.toContain(headline);
    }

    // A correction (the editor shows its panel for an article that was published when the page loaded).
    await page.reload();
    const panel = page.getByRole('region', { name: 'Corrections and updates' });
    const note = uniqueText('An earlier version gave the late sailing as Thursdays.');
    await panel.getByLabel('Type of note').selectOption('correction');
    await panel.getByLabel('Note text').fill(note);
    await panel.getByRole('button', { name: 'Publish correction' }).click();
    await expect(panel.getByRole('status')).toContainText('Published');
    expect((await body(request, article)).text).toContain(note);
    expect((await body(request, '/corrections')).text).toContain(note);

    // Unpublished: the address says it was withdrawn, and every list drops it.
    await editor.unpublish();
    await expect(editor.status).toHaveText('Unpublished');
    const withdrawn = await body(request, article);
    expect(withdrawn.text).toContain('withdrawn');
    expect(withdrawn.text).not.toContain(edited);
    expect((await body(request, tagPage)).status).toBe(404);
    for (const path of pages) expect((await body(request, path)).text, `${path} drops it at once`).not.toContain(edited);
  });

  test('a settings change shows on every cached page at once', async ({ page, request, signIn }) => {
    const paths = ['/', DEMO_ARTICLE, '/sections/news', '/tags/fishing', EDITOR_PAGE, '/latest', '/corrections', '/feed.xml'];
    for (const path of paths) await warm(request, path);
    await signIn('admin');
    const settings = new SettingsPage(page);
    await settings.goto();
    const name = uniqueText('The Cached Courier');
    try {
      await settings.name.fill(name);
      await settings.save();
      await expect(page.getByText('Settings saved. Readers see them now.')).toBeVisible();
      for (const path of paths) expect((await body(request, path)).text, `${path} shows the new name at once`).toContain(name);
    } finally {
      await settings.goto();
      await settings.name.fill(DEMO_SETTINGS.name);
      await settings.save();
      await expect(page.getByText('Settings saved. Readers see them now.')).toBeVisible();
    }
    for (const path of paths) expect((await body(request, path)).text, path).not.toContain(name);
  });
});
