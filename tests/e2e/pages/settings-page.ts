import type { Locator, Page } from '@playwright/test';

/** The demo newsroom's settings as seeded: what every other spec expects to find. */
export const DEMO_SETTINGS = {
  name: 'The Harbour Ledger',
  tagline: 'Independent news for Port Alder and the coast',
  supportText: 'Support the Ledger',
  timeZone: 'Europe/London',
  sections: ['News', 'Politics', 'Business', 'Culture & Life'],
};

/** The admin's Site settings page. No assertions here: the specs assert. */
export class SettingsPage {
  readonly name: Locator;
  readonly tagline: Locator;
  readonly supportText: Locator;
  readonly timeZone: Locator;
  readonly sectionOrder: Locator;
  /** The screen reader's announcement after a section moves. */
  readonly moveAnnouncement: Locator;

  constructor(private readonly page: Page) {
    this.name = page.getByLabel('Newsroom name');
    this.tagline = page.getByLabel('Tagline');
    this.supportText = page.getByLabel('“Support us” text');
    this.timeZone = page.getByLabel('Newsroom time zone');
    this.sectionOrder = page.getByRole('group', { name: 'Order of sections' }).getByRole('listitem');
    this.moveAnnouncement = page.getByRole('group', { name: 'Order of sections' }).getByRole('status');
  }

  async goto() {
    await this.page.goto('/dashboard/settings');
  }

  moveButton(section: string, direction: 'up' | 'down'): Locator {
    return this.page.getByRole('button', { name: `Move ${section} ${direction}`, exact: true });
  }

  /** Moves a section one place with the keyboard: focus its button, press Enter. */
  async moveWithKeyboard(section: string, direction: 'up' | 'down') {
    await this.moveButton(section, direction).focus();
    await this.page.keyboard.press('Enter');
  }

  async sectionNames(): Promise<string[]> {
    return (await this.sectionOrder.allInnerTexts()).map((text) => text.replace(/^\d+\.\s*/, '').split('\n')[0].trim());
  }

  /** Clicks the buttons until the sections are in this order. */
  async putSectionsInOrder(order: string[]) {
    for (const [target, section] of order.entries()) {
      let index = (await this.sectionNames()).indexOf(section);
      while (index > target) {
        await this.moveButton(section, 'up').click();
        index -= 1;
      }
    }
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  /** Puts the demo newsroom back as seeded, for the specs that run after. */
  async restoreDemo() {
    await this.goto();
    await this.name.fill(DEMO_SETTINGS.name);
    await this.tagline.fill(DEMO_SETTINGS.tagline);
    await this.supportText.fill(DEMO_SETTINGS.supportText);
    await this.timeZone.selectOption(DEMO_SETTINGS.timeZone);
    const remove = this.page.getByRole('button', { name: 'Remove the logo' });
    if (await remove.isVisible()) await remove.click();
    await this.putSectionsInOrder(DEMO_SETTINGS.sections);
    await this.save();
    await this.page.getByText('Settings saved').waitFor();
  }
}
