import type { Locator, Page } from '@playwright/test';

/** The reader's search: the box in the site header and the search page. No assertions here: the specs assert. */
export class SearchPage {
  readonly headerBox: Locator;
  readonly box: Locator;
  readonly resultsHeading: Locator;
  readonly results: Locator;

  constructor(private readonly page: Page) {
    this.headerBox = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search articles' });
    this.box = page.getByRole('main').getByRole('searchbox');
    this.resultsHeading = page.getByRole('main').getByRole('heading', { level: 2 }).first();
    this.results = page.getByRole('main').getByRole('list', { name: 'Search results' }).getByRole('listitem');
  }

  async goto(query?: string) {
    await this.page.goto(query === undefined ? '/search' : `/search?q=${encodeURIComponent(query)}`);
  }

  /** Types into the header's box and presses Enter, as a reader on any page would. */
  async searchFromHeader(words: string) {
    await this.headerBox.fill(words);
    await this.headerBox.press('Enter');
    await this.page.waitForURL(/\/search\?/);
  }

  async searchHere(words: string) {
    await this.box.fill(words);
    await this.page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await this.page.waitForURL(/\/search\?/);
  }

  result(headline: string | RegExp): Locator {
    return this.results.filter({ has: this.page.getByRole('link', { name: headline }) });
  }
}
