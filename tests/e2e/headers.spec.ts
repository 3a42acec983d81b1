import type { APIRequestContext, Page } from '@playwright/test';
import { READER_POLICY } from '../../lib/security-headers.mjs';
import { callServerAction, expect, makeImageFile, serverActionId, test, uniqueText } from './fixtures';

// Security headers (lib/security-headers.mjs, proxy.ts, scripts/next-server.mjs), Origin checks and
// request ids, against the production server as `npm start` runs it.

const DEMO_ARTICLE = '/articles/harbour-dredging-to-begin-in-march';
const READER_PAGES = ['/', DEMO_ARTICLE, '/sections/news', '/tags/fishing', '/authors/ben-castellan', '/latest', '/corrections', '/search?q=harbour', '/support'];
const ROUTES = ['/feed.xml', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/tags/fishing/feed.xml'];
const FOREIGN = 'https://attacker.example';

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['x-request-id'], what).toMatch(/^[0-9a-f-]{36}$/);
  // SITE_URL is not https here: no HSTS (lib/security-headers.mjs hstsHeader).
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

/** The nonce of a staff page's policy, checked to be the only way its scripts run. */
function nonceOf(policy: string | undefined): string {
  const scriptSrc = policy?.split(';').find((part) => part.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const match = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc);
  expect(match, policy).not.toBeNull();
  return match![1];
}

/** Records every CSP violation the page reports, by event and on the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => store.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => {
    const reported = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch((): string[] => []);
    return [...seen, ...reported];
  };
}

async function cachedHit(request: APIRequestContext, path: string) {
  for (let i = 0; i < 5; i++) {
    const response = await request.get(path);
    if (response.headers()['x-nextjs-cache'] === 'HIT') return response;
  }
  throw new Error(`${path} never came from the cache`);
}

test.describe('security headers', () => {
  test('reader pages, feeds and files carry the allow-list policy and the common headers', async ({ request }) => {
    for (const path of [...READER_PAGES, ...ROUTES]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expectCommonHeaders(response.headers(), path);
      expect(response.headers()['content-security-policy'], path).toBe(READER_POLICY);
    }
    // A cached page answered by the fast path, and the same page through Next (a query string).
    const fast = await cachedHit(request, DEMO_ARTICLE);
    expect(fast.headers()['content-security-policy']).toBe(READER_POLICY);
    // An uploaded image and a missing page.
    const html = await (await request.get(DEMO_ARTICLE)).text();
    const media = /\/media\/[A-Za-z0-9_-]+\.(?:webp|png|jpe?g|gif)/.exec(html)?.[0];
    expect(media, 'the demo article shows an uploaded image').toBeTruthy();
    const image = await request.get(media!);
    expect(image.status()).toBe(200);
    expectCommonHeaders(image.headers(), media!);
    const missing = await request.get('/articles/no-such-story');
    expect(missing.status()).toBe(404);
    expectCommonHeaders(missing.headers(), '404');
    expect(missing.headers()['content-security-policy']).toBe(READER_POLICY);
  });

  test('staff pages carry a fresh nonce, put on every script, and no unsafe-inline', async ({ page, request, signIn }) => {
    const first = await request.get('/sign-in');
    const second = await request.get('/sign-in');
    expectCommonHeaders(first.headers(), '/sign-in');
    const nonce = nonceOf(first.headers()['content-security-policy']);
    expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);
    const scripts = [...(await first.text()).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const attributes of scripts) {
      // The theme script is allowed by its hash (proxy.ts); every other script carries the nonce.
      if (!attributes.includes('nonce=')) continue;
      expect(attributes).toContain(`nonce="${nonce}"`);
    }
    expect(scripts.filter((attributes) => !attributes.includes('nonce=')).length).toBeLessThanOrEqual(1);

    // Signed out, /dashboard redirects with the policy on the redirect too.
    const redirect = await request.get('/dashboard', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    nonceOf(redirect.headers()['content-security-policy']);

    await signIn('editor');
    const dashboard = await page.request.get('/dashboard');
    expect(dashboard.status()).toBe(200);
    expectCommonHeaders(dashboard.headers(), '/dashboard');
    const dashboardNonce = nonceOf(dashboard.headers()['content-security-policy']);
    expect(await dashboard.text()).toContain(`nonce="${dashboardNonce}"`);
  });

  test('a proxy of ours may name the request (TRUSTED_PROXY is set for this suite); the id comes back', async ({ request }) => {
    const named = await request.get('/', { headers: { 'X-Request-Id': 'edge-7f3a9c21-e2e' } });
    expect(named.headers()['x-request-id']).toBe('edge-7f3a9c21-e2e');
    const invalid = await request.get('/', { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(invalid.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const a = await request.get('/sign-in');
    const b = await request.get('/sign-in');
    expect(a.headers()['x-request-id']).not.toBe(b.headers()['x-request-id']);
  });
});

test.describe('no CSP violations', () => {
  test('reader pages hydrate under their policy, from Next and from the cache, with no violation', async ({ page }) => {
    const violations = await watchViolations(page);
    // Twice each: the first answer may come from Next, the second from the fast path.
    for (const path of [...READER_PAGES, ...READER_PAGES]) {
      await page.goto(path);
      // The dark-mode button is invisible until React has hydrated the header.
      await expect(page.getByRole('button', { name: 'Dark mode' }), path).toBeVisible();
      expect(await violations(), path).toEqual([]);
    }
    // The inline theme script runs before paint (a reader's saved choice applies on load).
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await page.goto(DEMO_ARTICLE);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await violations()).toEqual([]);
    // The control: an image from another origin is blocked, and the watcher hears of it.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://attacker.example/pixel.png';
      document.body.append(img);
    });
    await expect.poll(violations).toContainEqual(expect.stringContaining('img-src'));
  });

  test('the dashboard works under its nonce policy: editor, upload, server actions, with no violation', async ({ page, signIn, editor }) => {
    const violations = await watchViolations(page);
    await page.goto('/sign-in');
    await page.evaluate(() => localStorage.setItem('masthead-theme', 'dark'));
    await page.reload();
    // The theme script is allowed on the staff pages by its hash.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await signIn('editor');
    await editor.gotoNew();
    const headline = uniqueText('Policy check');
    await editor.fillHeadline(headline);
    await editor.chooseSection('News');
    await editor.type('Typed under a strict Content-Security-Policy.');
    await editor.uploadLeadImage(await makeImageFile('csp.png', '#2f6f4f'), { alt: 'A green square', caption: 'Green', credit: 'Masthead' });
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    await page.reload();
    await expect(page.getByLabel('Headline')).toHaveValue(headline);
    await expect(page.getByText(/^\d+ × \d+$/)).toBeVisible();
    for (const path of ['/dashboard', '/dashboard/profile']) {
      await page.goto(path);
      await expect(page.getByRole('main')).toBeVisible();
    }
    expect(await violations()).toEqual([]);
  });
});

test.describe('cross-origin requests that would change data', () => {
  test('an upload, a sign-in and a server action posted from another site are refused and change nothing', async ({ page, signIn }) => {
    await signIn('editor');
    const image = await makeImageFile('forged.png', '#aa3333', 64, 64);

    const upload = await page.request.post('/api/uploads', { headers: { Origin: FOREIGN }, multipart: { file: image } });
    expect(upload.status()).toBe(403);

    const csrf = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signInPost = await page.request.post('/api/auth/callback/credentials', {
      headers: { Origin: FOREIGN },
      form: { email: 'admin@example.com', password: 'masthead-demo', csrfToken: csrf.csrfToken },
      maxRedirects: 0,
    });
    expect(signInPost.status()).toBe(403);
    const signOutPost = await page.request.post('/api/auth/signout', { headers: { Origin: FOREIGN }, form: { csrfToken: csrf.csrfToken }, maxRedirects: 0 });
    expect(signOutPost.status()).toBe(403);

    // Next.js compares a server action's Origin with the Host itself: signing out from another
    // site's page is refused, and the session lives on.
    const action = await page.request.post('/dashboard', {
      headers: { Origin: FOREIGN, 'Next-Action': serverActionId('signOutAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: '[]',
      maxRedirects: 0,
    });
    // Refused by scripts/next-server.mjs with a 403 before Next (which would answer a 500).
    expect(action.status()).toBe(403);
    // What the client gets says nothing of the code behind it.
    expect(action.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await action.text()).not.toMatch(/node_modules|\.js:\d+|\bat (async )?\w+ \(/);
    expect(action.headers()['set-cookie'] ?? '').not.toMatch(/authjs\.session-token=;|Max-Age=0/i);
    // The same request from the site's own page is accepted (the control for the refusal above),
    // which is done last: it signs the editor out.
    const stillIn = await page.request.get('/dashboard', { maxRedirects: 0 });
    expect(stillIn.status()).toBe(200);
    const own = await callServerAction(page.request, '/dashboard', 'signOutAction', []);
    expect(own.status).toBeLessThan(400);
    expect((await page.request.get('/dashboard', { maxRedirects: 0 })).status()).toBe(307);
  });
});
