import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// axe-core's full rule set (WCAG 2.0–2.2 A and AA plus best practices) on every
// kind of reader page and the sign-in page, in light and in dark mode.
const PAGES = {
  home: '/',
  article: '/articles/harbour-dredging-to-begin-in-march',
  section: '/sections/news',
  tag: '/tags/harbour',
  author: '/authors/ilse-marrow',
  archive: '/latest',
  search: '/search?q=harbour',
  'search with no result': '/search?q=zzyzx',
  support: '/support',
  corrections: '/corrections',
  'sign-in': '/sign-in',
  'not found': '/no-such-page',
};

test.describe('accessibility', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`the ${name} page has no axe violations in light or dark mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        const summary = violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(summary, `${scheme} mode`).toEqual([]);
      }
    });
  }
});
