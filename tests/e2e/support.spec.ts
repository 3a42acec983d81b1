import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, test, uniqueText } from './fixtures';
import { SupportPage } from './pages/support-page';

// The e2e server has no STRIPE_SECRET_KEY: the support page runs in test mode,
// which records gifts through the same code as Stripe's webhooks. Every test
// here reads figures before and after its own gift, so other specs' data (or
// an earlier test's) never decides the result.

async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** A reader: a browser of their own, signed in to nothing. */
async function reader(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { page, support: new SupportPage(page), close: () => context.close() };
}

test.describe('giving in test mode', () => {
  test('a reader gives monthly, sees the thank-you page; the gift is in the dashboard and the goal bar moves', async ({ page, signIn, browser }) => {
    // An admin sets a goal for the default currency, big enough that no earlier gift has reached it.
    await signIn('admin');
    await page.goto('/dashboard/donations/settings');
    const usd = page.getByRole('group', { name: 'US dollars (USD)' });
    await usd.getByLabel('Monthly goal (optional)').fill('1000000');
    await page.getByRole('button', { name: 'Save donation settings' }).click();
    await expect(page.getByText('Saved. The support page uses these settings now.')).toBeVisible();

    const donor = uniqueText('Monthly Reader');
    const { page: readerPage, support, close } = await reader(browser);
    await support.goto();
    await expect(readerPage.getByText('Test mode: no card is charged.').first()).toBeVisible();
    const before = await support.goalRaised();

    await support.chooseFrequency('Monthly');
    await support.typeAmount('17.50');
    await readerPage.getByLabel('Name (optional)').fill(donor);
    await expect(readerPage.getByText('You are giving $17.50 every month.')).toBeVisible();
    await support.review();

    await expect(readerPage.getByRole('heading', { name: 'Check your gift' })).toBeVisible();
    await expect(readerPage.getByText('Today, then on the same day every month until you cancel.')).toBeVisible();
    expect(await axeViolations(readerPage)).toEqual([]);
    await readerPage.getByRole('button', { name: 'Give $17.50 every month' }).click();

    await expect(readerPage.getByRole('heading', { name: /^Thank you, Monthly/ })).toBeVisible();
    await expect(readerPage.getByText('Your gift of $17.50 every month to')).toBeVisible();
    await expect(readerPage.getByText('This was a test: no card was charged and no money moved.')).toBeVisible();
    await expect(readerPage.getByRole('link', { name: 'Manage this gift' })).toBeVisible();
    expect(await axeViolations(readerPage)).toEqual([]);

    await support.goto();
    expect(await support.goalRaised()).toBe(before + 1750);
    await close();

    await page.goto('/dashboard/donations?frequency=monthly');
    await expect(page.getByRole('heading', { name: 'Donations', level: 1 })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: donor });
    await expect(row).toContainText('$17.50');
    await expect(row).toContainText('Monthly');
    await expect(row).toContainText('Received');
    await page.getByRole('link', { name: 'Recurring gifts', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: donor })).toContainText('Active');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('without JavaScript a reader still chooses, confirms and gives', async ({ browser }) => {
    const donor = uniqueText('No-script Reader');
    const { page, support, close } = await reader(browser, { javaScriptEnabled: false });
    await support.goto();
    await support.typeAmount('0');
    await support.review();
    await expect(page.getByText('The amount must be more than zero.').first()).toBeVisible();
    await support.typeAmount('');
    await support.chooseFrequency('Annually');
    await support.chooseCurrency('EUR');
    // CSS alone shows the annual euro amounts.
    await page.getByRole('radio', { name: '€100 a year' }).check();
    await page.getByLabel('Name (optional)').fill(donor);
    await support.review();
    await expect(page.getByRole('heading', { name: 'Check your gift' })).toBeVisible();
    await page.getByRole('button', { name: 'Give €100 every year' }).click();
    await expect(page.getByText('Your gift of €100 every year to')).toBeVisible();
    await close();
  });

  test('a bad amount is refused at its field, with focus on the summary of problems', async ({ browser }) => {
    const { page, support, close } = await reader(browser);
    await support.goto();
    await support.typeAmount('12.345');
    await support.review();
    const problems = page.getByRole('heading', { name: 'Some answers need a second look.' });
    await expect(problems).toBeVisible();
    await expect(page.locator('[aria-labelledby="gift-problems"]')).toBeFocused();
    const amount = page.getByLabel(/type your own amount/);
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(amount).toHaveAccessibleDescription(/we cannot take fractions of cents/);
    await expect(amount).toHaveValue('12.345');
    expect(page.url()).toMatch(/\/support$/);
    await close();
  });
});

test.describe('the appeal at the end of articles', () => {
  async function firstArticle(page: Page) {
    await page.goto('/');
    const href = await page.locator('a[href^="/articles/"]').first().getAttribute('href');
    return href!;
  }

  test('can be dismissed, and stays away after a reload', async ({ browser }) => {
    const { page, close } = await reader(browser);
    const article = await firstArticle(page);
    await page.goto(article);
    const appeal = page.getByRole('complementary', { name: /is paid for by its readers/ });
    await expect(appeal).toBeVisible();
    await appeal.getByRole('button', { name: 'Not now: hide this appeal' }).click();
    await expect(appeal).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'we will not ask again for 14 days' })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('complementary', { name: /is paid for by its readers/ })).toBeHidden();
    await close();
  });

  test('is not shown to someone who just gave', async ({ browser }) => {
    const { page, support, close } = await reader(browser);
    const article = await firstArticle(page);
    await page.goto(article);
    await expect(page.getByRole('complementary', { name: /is paid for by its readers/ })).toBeVisible();
    await support.goto();
    await support.review();
    await page.getByRole('button', { name: /^Give \$\d+ once$/ }).click();
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
    await page.goto(article);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('complementary', { name: /is paid for by its readers/ })).toBeHidden();
    await close();
  });
});

test('a donor cancels a test gift from the thank-you page’s link', async ({ browser }) => {
  const { page, support, close } = await reader(browser);
  await support.goto();
  await support.chooseFrequency('Monthly');
  await support.review();
  await page.getByRole('button', { name: /^Give \$\d+ every month$/ }).click();
  await page.getByRole('link', { name: 'Manage this gift' }).click();
  await expect(page.getByRole('heading', { name: /^Your gift to/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel this test gift' }).click();
  await expect(page.getByText('Your gift is cancelled. No further payments will be taken.')).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await close();
});

test('writers do not see donations; the export refuses them too', async ({ page, signIn }) => {
  await signIn('writer');
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Donations' })).toHaveCount(0);
  await page.goto('/dashboard/donations');
  await expect(page).toHaveURL(/\/dashboard\?denied=1$/);
  const response = await page.request.get('/dashboard/donations/export');
  expect(response.status()).toBe(403);
});
