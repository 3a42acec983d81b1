import { expect, test, uniqueText } from './fixtures';

// Two demo articles that no other spec changes.
const BAKERY = { slug: 'tidewater-bakery-opens-in-old-bank', headline: 'Tidewater Bakery opens in the old bank on Fore Street' };
const STAND = { slug: 'athletic-fans-raise-64000-to-save-stand', headline: 'Athletic fans raise £64,000 in a month to save the Quarry Lane stand' };

test.describe('history and corrections', () => {
  test('an editor compares two versions of a published article and restores the earlier one, which stays published', async ({ page, signIn, editor, browser }) => {
    await signIn('editor');
    await page.getByRole('link', { name: BAKERY.headline }).click();
    await editor.body.waitFor();
    const original = (await editor.body.innerText()).trim();

    const firstEdit = uniqueText('First edit');
    const secondEdit = uniqueText('Second edit');
    await editor.type(` ${firstEdit}.`);
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(editor.saveState).toHaveText('Saved');
    await editor.type(` ${secondEdit}.`);
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await expect(editor.saveState).toHaveText('Saved');

    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    const revisions = page.getByRole('region', { name: 'Revisions' });
    await expect(revisions).toContainText('Published');

    // Compare the text as it was published (the oldest revision) with the current text.
    const from = page.getByLabel('From', { exact: true });
    const oldest = await from.locator('option').last().getAttribute('value');
    await from.selectOption(oldest!);
    await page.getByLabel('To', { exact: true }).selectOption('current');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${oldest}&to=current`));
    const compare = page.getByRole('region', { name: 'Compare' });
    const differences = compare.getByRole('region', { name: 'Differences' });
    await expect(differences.locator('ins')).toHaveText([new RegExp(`${firstEdit}\\. ${secondEdit}\\.`)]);
    await expect(differences.locator('del')).toHaveCount(0);
    await expect(compare.getByText('Key:')).toBeVisible();

    await compare.getByRole('button', { name: /^Restore version \d+ \(the “From” text\)$/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored the text of version' })).toContainText('The article is still published');
    // What the restore changed: both edits removed; the replaced text is kept as a revision.
    await expect(differences.locator('del')).toHaveText([new RegExp(`${firstEdit}\\. ${secondEdit}\\.`)]);
    await expect(revisions.getByText(/Replaced by a restore/)).toBeVisible();

    const reader = await (await browser.newContext()).newPage();
    const response = await reader.goto(`/articles/${BAKERY.slug}`);
    expect(response?.status()).toBe(200);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(BAKERY.headline);
    const body = reader.locator('.article-body');
    await expect(body).not.toContainText(firstEdit);
    await expect(body).not.toContainText(secondEdit);
    await expect(body).toContainText(original.split('\n').filter(Boolean).at(-1)!);
    await expect(reader.locator('article header')).toContainText('Updated');

    await page.goto('/dashboard');
    await page.getByRole('link', { name: BAKERY.headline }).click();
    await expect(editor.status).toHaveText('Published');
    await expect(editor.body).not.toContainText(firstEdit);
  });

  test('an editor adds a correction to a published article; it shows at the end of the article and on the corrections page', async ({ page, signIn, browser }) => {
    await signIn('editor');
    await page.getByRole('link', { name: STAND.headline }).click();
    const panel = page.getByRole('region', { name: 'Corrections and updates' });
    await expect(panel, 'the editor shows the corrections panel (components/dashboard/corrections-panel.client.tsx)').toBeVisible();
    const text = uniqueText('An earlier version of this article gave the stand’s capacity as 1,200; it is 1,400.');
    await panel.getByLabel('Type of note').selectOption('correction');
    await panel.getByRole('button', { name: 'Publish correction' }).click();
    await expect(panel.getByText(/at least 10 characters/)).toBeVisible();
    await panel.getByLabel('Note text').fill(text);
    await panel.getByRole('button', { name: 'Publish correction' }).click();
    await expect(panel.getByRole('status')).toContainText('Published');
    await expect(panel.getByRole('listitem').filter({ hasText: text })).toContainText(/^Correction, \d{1,2} \w+ \d{4}: /);
    await expect(panel.getByLabel('Note text')).toHaveValue('');

    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/articles/${STAND.slug}`);
    const notes = reader.getByRole('region', { name: 'Corrections and updates' });
    await expect(notes.getByRole('listitem')).toHaveText([new RegExp(`^Correction, \\d{1,2} \\w+ \\d{4}: ${escape(text)}$`)]);
    // At the end of the article: after the body, before the tags.
    const order = await reader.evaluate(() => {
      const body = document.querySelector('.article-body')!;
      const section = document.getElementById('corrections-heading')!.closest('section')!;
      const tags = document.querySelector('article footer');
      const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { afterBody: follows(body, section), beforeTags: tags ? follows(section, tags) : true };
    });
    expect(order).toEqual({ afterBody: true, beforeTags: true });
    await expect(reader.locator('article header')).toContainText(/Updated \d{1,2} \w+ \d{4}/);

    await reader.goto('/corrections');
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Corrections and updates');
    const newest = reader.getByRole('main').getByRole('listitem').first();
    await expect(newest).toContainText(text);
    await expect(newest).toContainText(/Correction · \d{1,2} \w+ \d{4}/);
    await newest.getByRole('link', { name: STAND.headline }).click();
    await expect(reader).toHaveURL(new RegExp(`/articles/${STAND.slug}$`));
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
