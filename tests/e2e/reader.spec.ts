import { expect, test } from './fixtures';

// The demo newsroom's reader pages. Other specs publish articles of their own,
// so these check structure and the demo stories that no spec changes.
const ARTICLE = '/articles/harbour-dredging-to-begin-in-march';

test.describe('the reader’s site', () => {
  test('the front page leads with one story, lists the latest, and has a rail per section linking to its page', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Front page' })).toBeAttached();
    const latest = page.getByRole('region', { name: 'Latest' });
    await expect(latest.getByRole('listitem')).toHaveCount(4);
    for (const name of ['News', 'Politics', 'Business', 'Culture & Life']) {
      const rail = page.getByRole('region', { name });
      await expect(rail).toBeVisible();
      await expect(rail.getByRole('link', { name: `More in ${name}` })).toHaveAttribute('href', /^\/sections\//);
    }
    await page.getByRole('region', { name: 'Politics' }).getByRole('link', { name: 'More in Politics' }).click();
    await expect(page).toHaveURL(/\/sections\/politics$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politics');
  });

  test('a section page lists only that section, newest first; a page past the end is a 404', async ({ page }) => {
    await page.goto('/sections/business');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Business');
    const kickers = page.locator('main article p:first-child');
    const labels = await page.locator('main article').evaluateAll((cards) => cards.map((card) => card.querySelector('p')?.textContent?.trim()));
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(new Set(labels)).toEqual(new Set(['Business']));
    const dates = await page.locator('main article time').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime')!)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await expect(kickers.first()).toBeVisible();
    expect((await page.goto('/sections/business?page=99'))?.status()).toBe(404);
    expect((await page.goto('/sections/no-such-section'))?.status()).toBe(404);
  });

  test('an article shows its reading time, links its section, and ends with related stories that are not itself', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByText(/\d+ min read/)).toBeVisible();
    await expect(page.locator('article header').getByRole('link', { name: 'News', exact: true })).toHaveAttribute('href', '/sections/news');
    const related = page.getByRole('complementary', { name: 'Read next' });
    const links = related.getByRole('heading').getByRole('link');
    await expect(links.first()).toBeVisible();
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs).not.toContain(ARTICLE);
    // The demo's other fishing story shares three of its tags.
    expect(hrefs).toContain('/articles/inshore-fleet-warns-over-sprat-quota-cut');
  });

  test('tag, author and archive pages list stories with pagination bounds', async ({ page }) => {
    await page.goto('/tags/fishing');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fishing');
    await expect(page.getByRole('link', { name: 'Harbour dredging to begin in March after three years of delays' })).toBeVisible();
    await page.goto('/authors/ilse-marrow');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ilse Marrow');
    await page.goto('/latest');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All stories');
    expect(await page.locator('main article').count()).toBeGreaterThanOrEqual(14);
    expect((await page.goto('/latest?page=50'))?.status()).toBe(404);
    expect((await page.goto('/tags/fishing?page=50'))?.status()).toBe(404);
  });

  test('the keyboard alone: the skip link comes first and lands on the content; every link shows focus', async ({ page }) => {
    await page.goto(ARTICLE);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    // Tabbing on from the skip target reaches the article's own links, each with a visible outline.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return { tag: el.tagName, inMain: Boolean(el.closest('main')), outline: getComputedStyle(el).outlineStyle };
      });
      expect(outline.inMain).toBe(true);
      expect(outline.outline).not.toBe('none');
    }
  });

  test('dark mode follows the system until the reader chooses, and the choice is remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await background()).toBe('rgb(20, 20, 19)');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await background()).toBe('rgb(251, 250, 247)');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
    expect(await background()).toBe('rgb(251, 250, 247)');
    await page.evaluate(() => localStorage.clear());
  });

  test('printing an article leaves out the navigation and related stories, and keeps the story', async ({ page }) => {
    await page.goto(ARTICLE);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Read next' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.article-body')).toBeVisible();
  });

  test('at 200% zoom (a 640px-wide window) nothing needs sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 800 });
    for (const path of ['/', ARTICLE, '/sections/news', '/authors/ilse-marrow']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('an unknown address is a 404 page that helps', async ({ page }) => {
    const response = await page.goto('/no/such/page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('link', { name: /front page/i })).toBeVisible();
  });
});
