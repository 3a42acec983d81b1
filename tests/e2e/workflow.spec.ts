import { articleIdFromUrl, DEMO_STAFF, expect, test, uniqueText } from './fixtures';
import { EditorPage } from './pages/editor-page';
import { SignInPage } from './pages/sign-in-page';
import type { Browser, Page } from '@playwright/test';

async function signedInPage(browser: Browser, role: keyof typeof DEMO_STAFF): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(DEMO_STAFF[role].email, 'masthead-demo');
  await page.waitForURL('**/dashboard');
  return page;
}

test.describe('the editorial workflow', () => {
  test('review round trip: submitted, sent back with notes, resubmitted, published', async ({ browser }) => {
    // Three people in three browser contexts, a dozen round trips: more than a minute on a busy 2-core machine.
    test.slow();
    const writerPage = await signedInPage(browser, 'writer');
    const writer = new EditorPage(writerPage);
    await writer.gotoNew();
    const headline = uniqueText('Harbour café wins licence appeal');
    await writer.fillHeadline(headline);
    await writer.chooseSection('Business');
    await writer.type('The Quayside Café may serve drinks on its terrace after winning an appeal.');
    await writer.saveDraft();
    await expect(writer.saveState).toHaveText('Saved');
    const id = await articleIdFromUrl(writerPage);
    await writer.addNote('Ready for a read. The appeal decision is attached to the council papers.');
    await expect(writer.notes()).toContainText('Ready for a read.');
    await writer.move('Submit for review');
    await expect(writer.status).toHaveText('In review');

    const editorPage = await signedInPage(browser, 'editor');
    await editorPage.getByRole('link', { name: 'Review', exact: true }).click();
    await expect(editorPage.getByRole('heading', { level: 1 })).toHaveText('Review queue');
    await expect(editorPage.getByText('Ready for a read.')).toBeVisible();
    await editorPage.getByRole('link', { name: headline }).click();
    const editor = new EditorPage(editorPage);
    await expect(editor.notes()).toContainText('Ready for a read.');
    await editor.addNote('Please add a quote from the café owner.');
    await expect(editor.notes()).toContainText('Please add a quote');
    await editor.move('Send back to writer');
    await expect(editor.status).toHaveText('Draft');
    // Leaving the article frees it; while the editor had it open, the writer would see who is editing.
    await editorPage.getByRole('link', { name: '← Articles' }).click();
    await editorPage.waitForURL(/\/dashboard$/);
    await editorPage.waitForLoadState('networkidle');

    await writerPage.goto(`/dashboard/articles/${id}`);
    await expect(writer.status).toHaveText('Draft');
    await expect(writer.notes()).toContainText('Ready for a read.');
    await expect(writer.notes()).toContainText('Please add a quote from the café owner.');
    await writer.type(' “We are delighted,” said the owner.');
    await writer.move('Submit for review');
    await expect(writer.status).toHaveText('In review');
    // The writer cannot publish: there is no button, and the editor page shows it is with an editor.
    await expect(writerPage.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

    await editorPage.goto(`/dashboard/articles/${id}`);
    await editor.move('Publish');
    await expect(editor.status).toHaveText('Published');
    const slug = await editorPage.getByLabel('Slug').inputValue();
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`/articles/${slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
    await expect(reader.locator('.article-body')).toContainText('said the owner');
  });

  test('scheduling shows the time in the newsroom zone and keeps the article from readers until then', async ({ page, signIn, editor }) => {
    await signIn('editor');
    await editor.gotoNew();
    const headline = uniqueText('Regatta route announced');
    await editor.fillHeadline(headline);
    await editor.chooseSection('News');
    await editor.type('The regatta will start from the north pier this year.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    await editor.schedule('2099-06-01T09:30');
    await expect(editor.status).toHaveText('Scheduled');
    await expect(page.getByText(/^for 1 Jun 2099, 09:30/)).toBeVisible();
    const slug = await page.getByLabel('Slug').inputValue();
    expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404);
    await page.goto('/dashboard?status=scheduled');
    await expect(page.getByRole('row', { name: new RegExp(headline) })).toContainText('1 Jun 2099, 09:30');
  });

  test('two people saving the same version: the second sees both texts and keeps theirs without losing the other', async ({ browser }) => {
    const first = await signedInPage(browser, 'editor');
    const firstEditor = new EditorPage(first);
    await firstEditor.gotoNew();
    await firstEditor.fillHeadline(uniqueText('Pier repairs'));
    await firstEditor.chooseSection('News');
    await firstEditor.type('Original paragraph.');
    await firstEditor.saveDraft();
    await expect(firstEditor.saveState).toHaveText('Saved');
    const id = await articleIdFromUrl(first);

    // The admin opens it too, sees who is editing, and takes over.
    const second = await signedInPage(browser, 'admin');
    await second.goto(`/dashboard/articles/${id}`);
    await expect(second.getByText(`${DEMO_STAFF.editor.name} is editing this article.`)).toBeVisible();
    await second.getByRole('button', { name: 'Take over' }).click();
    await expect(second.getByText('is editing this article.')).toHaveCount(0);
    const secondEditor = new EditorPage(second);
    await secondEditor.type(' Added by the admin.');
    await secondEditor.saveDraft();
    await expect(secondEditor.saveState).toHaveText('Saved');

    // The editor, still on the old version, saves: refused, and shown both texts.
    await firstEditor.type(' Added by the editor.');
    await firstEditor.saveDraft();
    const conflict = first.getByRole('alertdialog', { name: 'Someone else saved this article while you were editing' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Original paragraph. Added by the editor.');
    await expect(conflict).toContainText('Original paragraph. Added by the admin.');
    await conflict.getByRole('button', { name: 'Keep my text' }).click();
    await expect(firstEditor.saveState).toHaveText('Saved');

    await first.reload();
    await expect(firstEditor.body).toContainText('Added by the editor.');
    await expect(firstEditor.body).not.toContainText('Added by the admin.');
  });
});
