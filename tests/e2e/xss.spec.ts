import type { APIRequestContext, Page } from '@playwright/test';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { DEMO_STAFF, expect, makeImageFile, serverActionId, test } from './fixtures';
import { DEMO_SETTINGS } from './pages/settings-page';

// Staff type hostile text into every field readers see; readers' browsers must
// run none of it. The articles, the profile and the settings are written
// through the server actions the dashboard calls (as an attacker holding a
// staff account could), then the reader pages are opened in Chromium with a
// dialog listener, and their DOM and raw HTML are searched for live markup.
// Everything this spec changes outside its own articles it puts back.

// U+0000 and other control characters are refused or dropped on the way in (tests/integration/xss.test.ts).
const PAYLOADS = XSS_PAYLOADS.filter((payload) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(payload));

/** Fills a field of `max` characters with as many payloads as fit, going round the list so fields differ. */
function payloadFiller() {
  let next = 0;
  return (max: number) => {
    const parts: string[] = [];
    let length = 0;
    for (let tried = 0; tried < PAYLOADS.length; tried++) {
      const payload = PAYLOADS[next];
      next = (next + 1) % PAYLOADS.length;
      if (length + payload.length + 1 > max) {
        if (parts.length) break;
        continue;
      }
      parts.push(payload);
      length += payload.length + 1;
    }
    return parts.join(' ');
  };
}

const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** React's reply format reads a string starting with "$" as a reference; the browser sends it as "$$…". */
const asReply = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.startsWith('$')
      ? `$${value}`
      : value
    : Array.isArray(value)
      ? value.map(asReply)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asReply(inner)]))
        : value;

/** A server action called as the dashboard's own page calls it (with its Origin), without the UI. */
async function call(request: APIRequestContext, name: string, input: unknown) {
  const response = await request.post('/dashboard', {
    headers: {
      'Next-Action': serverActionId(name),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: new URL(test.info().project.use.baseURL ?? 'http://localhost').origin,
    },
    data: JSON.stringify([asReply(input)]),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

async function action(request: APIRequestContext, name: string, input: unknown) {
  const result = await call(request, name, input);
  expect(result.text, `${name}: ${result.text.slice(0, 300)}`).toContain('"ok":true');
  return result.text;
}

/** What would show that a payload became markup in the reader's page. */
async function liveMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset']);
    const FOREIGN = new Set(['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE', 'MARQUEE', 'X', 'XMP', 'PLAINTEXT', 'MATH', 'AUDIO', 'VIDEO', 'DETAILS', 'IMAGE', 'MGLYPH', 'SET', 'ANIMATE']);
    for (const element of Array.from(document.querySelectorAll('*'))) {
      if (FOREIGN.has(element.tagName.toUpperCase())) problems.push(`<${element.tagName.toLowerCase()}>`);
      for (const attr of Array.from(element.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`${element.tagName.toLowerCase()}[${name}]`);
        if (name === 'srcdoc' || (name === 'style' && /expression|javascript:/i.test(attr.value))) problems.push(`${element.tagName.toLowerCase()}[${name}]`);
        if (URL_ATTRS.has(name) && /^[\s\u0000-\u001f]*(javascript|vbscript|data:text)/i.test(attr.value)) problems.push(`${element.tagName.toLowerCase()}[${name}=${attr.value.slice(0, 40)}]`);
      }
    }
    for (const script of Array.from(document.querySelectorAll('script'))) {
      if (script.type === 'application/ld+json') {
        try {
          JSON.parse(script.text);
        } catch {
          problems.push('JSON-LD that does not parse');
        }
      } else if (/alert\(|msgbox\(/.test(script.text) && !script.text.startsWith('self.__next_f.push(')) problems.push(`script: ${script.text.slice(0, 60)}`);
    }
    if (document.querySelector('meta[http-equiv="refresh" i]')) problems.push('meta refresh');
    return problems;
  });
}

/** A payload with markup in it, found verbatim in the raw HTML, was not escaped. */
function unescaped(html: string): string[] {
  return PAYLOADS.filter((payload) => payload.includes('<') && html.includes(payload));
}

test.describe('stored XSS', () => {
  test('the XSS corpus in every field staff can set never runs in a reader’s browser and never reaches the HTML as markup', async ({ page, signIn }) => {
    test.setTimeout(120_000);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await signIn('admin');
    const request = page.request;
    const fill = payloadFiller();

    // What to put back afterwards: the admin's photo, the News section's id.
    await page.goto('/dashboard/profile');
    const avatarId = /\/media\/([0-9a-f-]{36})\./.exec((await page.getByAltText('Your photo').getAttribute('src')) ?? '')?.[1] ?? null;
    await page.goto('/dashboard/articles/new');
    const newsId = await page.getByLabel('Section').locator('option', { hasText: /^News$/ }).getAttribute('value');
    expect(newsId).toMatch(/^[0-9a-f-]{36}$/);

    const upload = await request.post('/api/uploads', {
      headers: { Origin: new URL(page.url()).origin },
      multipart: { file: await makeImageFile('lead.png', '#2d5f7a', 320, 200) },
    });
    expect(upload.status()).toBe(201);
    const image = (await upload.json()) as { id: string; src: string; width: number; height: number };

    const articles: { id: string; slug: string }[] = [];
    try {
      await action(request, 'updateProfileAction', { name: fill(120), bio: fill(1200), avatarImageId: avatarId });
      await action(request, 'updateSiteSettingsAction', { name: fill(80), tagline: fill(160), supportText: fill(60), logoImageId: null, timeZone: DEMO_SETTINGS.timeZone, sectionOrder: [] });

      for (let n = 0; n < 3; n++) {
        const body = {
          type: 'doc',
          content: [
            ...PAYLOADS.map((payload, i) =>
              i % 10 === 0
                ? { type: 'heading', attrs: { level: 2 }, content: [text(payload)] }
                : i % 10 === 1
                  ? { type: 'pullQuote', content: [text(payload)] }
                  : { type: 'paragraph', content: [text(payload, i % 3 === 0 ? [{ type: 'link', attrs: { href: 'https://example.com/', title: payload } }] : [{ type: 'bold' }])] },
            ),
            { type: 'figure', attrs: { src: image.src, alt: fill(1000), caption: fill(1000), credit: fill(1000), width: image.width, height: image.height } },
          ],
        };
        const tags = Array.from({ length: 12 }, () => fill(40)).filter((tag, i, all) => tag && all.indexOf(tag) === i);
        const saved = await action(request, 'saveArticleAction', {
          id: null,
          baseVersion: null,
          headline: fill(200),
          dek: fill(400),
          slug: `xss-${Date.now().toString(36)}-${n}`,
          slugAuto: false,
          sectionId: newsId,
          tags,
          leadImageId: image.id,
          leadImageCaption: fill(400),
          leadImageCredit: fill(150),
          leadImageAlt: fill(300),
          body,
        });
        const match = /"id":"([0-9a-f-]{36})","version":\d+,"slug":"([^"]+)"/.exec(saved);
        expect(match, saved.slice(0, 300)).not.toBeNull();
        articles.push({ id: match![1], slug: match![2] });
        await action(request, 'publishArticleAction', { id: match![1] });
      }
      await action(request, 'addCorrectionAction', { articleId: articles[0].id, kind: 'correction', body: fill(2000) });

      // A crafted document is refused at the body field, not stored.
      const crafted = await call(request, 'saveArticleAction', { id: null, baseVersion: null, headline: 'Crafted link', dek: '', slug: '', slugAuto: true, sectionId: null, tags: [], leadImageId: null, leadImageCaption: '', leadImageCredit: '', leadImageAlt: '', body: { type: 'doc', content: [{ type: 'paragraph', content: [text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] }] } });
      expect(crafted.text).toContain('"code":"invalid"');
      expect(crafted.text).toContain('link points somewhere not allowed');

      // Readers: signed out, as everyone else.
      await page.context().clearCookies();
      await page.goto(`/articles/${articles[0].slug}`);
      const tagHref = await page.locator('a[href^="/tags/"]').first().getAttribute('href');
      const pages = [
        ...articles.map((a) => `/articles/${a.slug}`),
        '/',
        '/sections/news',
        tagHref!,
        `/authors/${DEMO_STAFF.admin.slug}`,
        '/latest',
        '/corrections',
        `/search?q=${encodeURIComponent(PAYLOADS[0])}`,
        `/search?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
        `/search?q=${encodeURIComponent('alert')}`,
      ];
      for (const path of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await page.mouse.move(200, 300);
        await page.keyboard.press('Tab');
        expect(await liveMarkup(page), path).toEqual([]);
        expect(unescaped(await response!.text()), path).toEqual([]);
      }
      // The article carries the payloads: the body and the headline are there as text.
      await page.goto(`/articles/${articles[1].slug}`);
      await expect(page.getByText(PAYLOADS[5], { exact: true }).first()).toBeVisible();

      for (const path of ['/feed.xml', '/sections/news/feed.xml', `${tagHref}/feed.xml`, `/authors/${DEMO_STAFF.admin.slug}/feed.xml`]) {
        const feed = await request.get(path);
        expect(feed.status(), path).toBe(200);
        expect(unescaped(await feed.text()), path).toEqual([]);
      }
      expect(dialogs).toEqual([]);

      // The detectors work: a dialog is heard, and injected markup is found (whether or not the CSP would let it run).
      await page.evaluate(() => {
        setTimeout(() => alert('canary'), 0);
        document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="void 0">');
      });
      await expect.poll(() => dialogs).toEqual(['canary']);
      expect(await liveMarkup(page)).toContain('img[onerror]');
    } finally {
      await page.context().clearCookies();
      await signIn('admin');
      for (const article of articles) {
        await call(page.request, 'unpublishArticleAction', { id: article.id });
        await call(page.request, 'trashArticleAction', { id: article.id });
      }
      await action(page.request, 'updateProfileAction', { name: DEMO_STAFF.admin.name, bio: DEMO_STAFF.admin.bio, avatarImageId: avatarId });
      await action(page.request, 'updateSiteSettingsAction', {
        name: DEMO_SETTINGS.name,
        tagline: DEMO_SETTINGS.tagline,
        supportText: DEMO_SETTINGS.supportText,
        logoImageId: null,
        timeZone: DEMO_SETTINGS.timeZone,
        sectionOrder: [],
      });
    }
  });
});

test.describe('hostile uploads', () => {
  test('the lead image field says why a renamed HTML page, an SVG and an 11 MB file are refused', async ({ page, signIn }) => {
    await signIn('writer');
    await page.goto('/dashboard/articles/new');
    const field = page.getByLabel('Upload lead image');

    await field.setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>') });
    await expect(field).toHaveAccessibleDescription(/This file is not a JPEG, PNG, WebP or GIF image\./);
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await field.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>') });
    await expect(field).toHaveAccessibleDescription(/This file is not a JPEG, PNG, WebP or GIF image\./);

    const png = (await makeImageFile('big.png', '#777', 40, 40)).buffer;
    await field.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([png, Buffer.alloc(11 * 1024 * 1024)]) });
    await expect(field).toHaveAccessibleDescription(/larger than 10 MB/);

    // A real image still goes through after the refusals.
    await field.setInputFiles(await makeImageFile('fine.png', '#3a6ea5', 300, 200));
    await expect(page.getByText('300 × 200')).toBeVisible();
  });
});
