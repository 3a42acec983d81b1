import { expect, test, uniqueText } from './fixtures';
import { SearchPage } from './pages/search-page';
import { removeArticle, uniqueWord, writeArticle, type WrittenArticle } from './reader-articles';

test.describe('reader search', () => {
  test('a word from the body finds the published article; a word from a draft finds nothing, and the page helps', async ({ page, signIn, browser }) => {
    const [published, hidden] = [uniqueWord(), uniqueWord()];
    await signIn('editor');
    const made: WrittenArticle[] = [];
    try {
      made.push(
        await writeArticle(page, {
          headline: uniqueText('Slipway survey finds old timbers'),
          body: `Divers surveying the north slipway found ${published} timbers under the silt, the harbour master said.`,
          publish: true,
        }),
      );
      made.push(await writeArticle(page, { headline: uniqueText('Draft: pier sale talks'), body: `Talks about the ${hidden} pier sale are not public yet.`, publish: false }));
      const [article] = made;

      // A reader, with no session, searching from the box in the header of the home page.
      const reader = await (await browser.newContext()).newPage();
      const search = new SearchPage(reader);
      await reader.goto('/');
      await search.searchFromHeader(published);
      await expect(reader).toHaveURL(`/search?q=${published}`);
      await expect(search.resultsHeading).toHaveText(`1 result for “${published}”`);
      await expect(search.results).toHaveCount(1);
      const result = search.result(article.headline);
      await expect(result.getByText('News', { exact: true })).toBeVisible();
      await expect(result.locator('mark')).toHaveText([published]);
      await expect(result).toContainText(`found ${published} timbers under the silt`);
      await expect(result.getByRole('link', { name: 'Ben Castellan' })).toBeVisible();
      await expect(result.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
      await expect(result.getByRole('link', { name: article.headline })).toHaveAttribute('href', `/articles/${article.slug}`);

      await search.goto();
      await search.searchHere(hidden);
      await expect(search.resultsHeading).toHaveText(`No results for “${hidden}”`);
      await expect(search.results).toHaveCount(0);
      const main = reader.getByRole('main');
      await expect(main.getByText('checking the spelling')).toBeVisible();
      await expect(main.getByText(/fewer words, or different ones/)).toBeVisible();
      await expect(main.getByRole('navigation', { name: 'Browse the sections' }).getByRole('link', { name: 'News' })).toHaveAttribute('href', '/sections/news');
      await expect(main.getByRole('heading', { name: 'Latest stories' })).toBeVisible();
      await expect(main.getByRole('link', { name: article.headline })).toBeVisible();
      await expect(main.getByText(/Draft: pier sale talks/)).toHaveCount(0);
    } finally {
      for (const { id } of made) await removeArticle(page, id);
    }
  });

  test('an empty search shows the form alone; common words, over-long and hostile searches are explained, never run as code', async ({ page }) => {
    const search = new SearchPage(page);
    page.on('dialog', (dialog) => {
      throw new Error(`A script ran: ${dialog.message()}`);
    });

    await search.goto();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(page.getByRole('main').getByRole('searchbox', { name: /^Search / })).toBeVisible();
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(0);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    await search.goto('The and of');
    await expect(search.resultsHeading).toHaveText('“The and of” is too common to search for');
    await expect(page).toHaveTitle(/“The and of”: search/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    await search.goto('harbour '.repeat(30));
    await expect(search.box).toHaveAttribute('aria-invalid', 'true');
    await expect(search.box).toHaveAccessibleDescription('Keep your search to 200 characters or fewer.');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(0);

    const hostile = `<script>alert(1)</script>'); drop table articles; --`;
    await search.goto(hostile);
    await expect(search.resultsHeading).toHaveText(`No results for “${hostile}”`);
    await expect(search.box).toHaveValue(hostile);
    await expect(page.locator('main script')).toHaveCount(0);
    // The articles are all still there.
    await search.goto('harbour');
    await expect(search.resultsHeading).toHaveText(/^\d+ results for “harbour”$/);
  });

  test('the search works without JavaScript, from the keyboard', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const search = new SearchPage(page);
    await page.goto('/');
    await search.headerBox.focus();
    await page.keyboard.type('ferry strike');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=ferry\+strike/);
    await expect(search.resultsHeading).toHaveText(/^\d+ results? for “ferry strike”$/);
    await expect(search.result(/Skerry ferry crews begin 48-hour strike/)).toBeVisible();
    await expect(search.box).toHaveValue('ferry strike');
    await context.close();
  });
});
