import type { Locator, Page } from '@playwright/test';

/** The article editor, as a journalist uses it. No assertions here: the specs assert. */
export class EditorPage {
  readonly body: Locator;
  readonly saveState: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.body = page.getByRole('textbox', { name: 'Article body' });
    this.saveState = page.getByTestId('save-state');
    this.status = page.getByTestId('article-status');
  }

  async gotoNew() {
    await this.page.goto('/dashboard/articles/new');
    await this.body.waitFor();
  }

  async fillHeadline(text: string) {
    await this.page.getByLabel('Headline').fill(text);
  }

  async fillStandfirst(text: string) {
    await this.page.getByLabel('Standfirst').fill(text);
  }

  async chooseSection(name: string) {
    await this.page.getByLabel('Section').selectOption({ label: name });
  }

  async addTag(name: string) {
    await this.page.getByLabel('Tags').fill(name);
    await this.page.getByLabel('Tags').press('Enter');
  }

  tool(name: string) {
    return this.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  }

  /** Types at the end of the body. */
  async type(text: string) {
    await this.body.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  async newParagraph() {
    await this.page.keyboard.press('Enter');
  }

  /** Selects the last `count` characters before the cursor. */
  async selectBack(count: number) {
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Shift+ArrowLeft');
  }

  async link(href: string) {
    await this.tool('Link').click();
    await this.page.getByLabel('Link address').fill(href);
    await this.page.getByRole('button', { name: 'Apply link' }).click();
  }

  async insertImage(file: { name: string; mimeType: string; buffer: Buffer }, fields: { alt: string; caption: string; credit: string }) {
    await this.tool('Image').click();
    const panel = this.page.getByRole('group', { name: 'Insert image' });
    await panel.getByLabel('Image file').setInputFiles(file);
    await panel.getByLabel('Alt text').fill(fields.alt);
    await panel.getByLabel('Caption').fill(fields.caption);
    await panel.getByLabel('Credit').fill(fields.credit);
    await panel.getByRole('button', { name: 'Insert image' }).click();
  }

  async uploadLeadImage(file: { name: string; mimeType: string; buffer: Buffer }, fields: { alt: string; caption: string; credit: string }) {
    await this.page.getByLabel('Upload lead image').setInputFiles(file);
    await this.page.getByText(/^\d+ × \d+$/).waitFor();
    await this.page.getByLabel('Lead image caption').fill(fields.caption);
    await this.page.getByLabel('Lead image credit').fill(fields.credit);
    await this.page.getByLabel('Lead image alt text').fill(fields.alt);
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: 'Save draft' }).click();
  }

  async publish() {
    await this.page.getByRole('button', { name: 'Publish', exact: true }).click();
  }

  async unpublish() {
    await this.page.getByRole('button', { name: 'Unpublish' }).click();
  }

  /** A workflow move by its button: "Submit for review", "Send back to writer", ... */
  async move(label: string) {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  async schedule(localDateTime: string) {
    await this.page.getByRole('button', { name: /^(re)?schedule…$/i }).click();
    await this.page.getByLabel('Publish at').fill(localDateTime);
    await this.page.getByRole('group', { name: 'Schedule' }).getByRole('button', { name: /^(re)?schedule$/i }).click();
  }

  async addNote(text: string) {
    await this.page.getByLabel('Add a note').fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }

  notes() {
    return this.page.getByRole('list', { name: 'Notes' });
  }
}
