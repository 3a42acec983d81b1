import type { Page } from '@playwright/test';

/** The reader's support page (/support): choosing a gift. */
export class SupportPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/support');
  }

  async chooseFrequency(label: 'Once' | 'Monthly' | 'Annually') {
    await this.page.getByRole('radio', { name: label, exact: true }).check();
  }

  async chooseCurrency(code: string) {
    await this.page.getByRole('radio', { name: new RegExp(`^${code} \\(`) }).check();
  }

  async typeAmount(text: string) {
    await this.page.getByLabel(/type your own amount/).fill(text);
  }

  async review() {
    await this.page.getByRole('button', { name: 'Review your gift' }).click();
  }

  /** This month's goal bar for the default currency. */
  goalBar() {
    return this.page.getByRole('progressbar').first();
  }

  /** What the goal bar says was raised this month, in minor units. */
  async goalRaised(): Promise<number> {
    return Number(await this.goalBar().getAttribute('aria-valuenow'));
  }
}
