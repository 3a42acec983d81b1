import { articleIdFromUrl, expect, test, uniqueText } from './fixtures';

test.describe('nothing typed is lost', () => {
  test('a failed save shows Failed with a retry, and the text survives a reload', async ({ page, signIn, editor }) => {
    await signIn('writer');
    await editor.gotoNew();
    await editor.fillHeadline(uniqueText('Ferry timetable changes'));
    await editor.type('First paragraph, saved.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    const id = await articleIdFromUrl(page);

    // The network drops every server action call from now on.
    await page.route(`**/dashboard/articles/${id}`, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await editor.type(' Second sentence, typed while offline.');
    await editor.saveDraft();
    await expect(editor.saveState).toContainText('Failed');
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();

    await page.unroute(`**/dashboard/articles/${id}`);
    await page.reload();
    await expect(page.getByText('Unsaved changes from this browser were restored.')).toBeVisible();
    await expect(editor.body).toContainText('Second sentence, typed while offline.');

    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    await page.reload();
    await expect(page.getByText('Unsaved changes from this browser were restored.')).toHaveCount(0);
    await expect(editor.body).toContainText('Second sentence, typed while offline.');
  });

  test('retry sends the text once the connection is back', async ({ page, signIn, editor }) => {
    await signIn('writer');
    await editor.gotoNew();
    await editor.fillHeadline(uniqueText('Council recycling plan'));
    await editor.type('Saved first.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    const id = await articleIdFromUrl(page);

    let offline = true;
    await page.route(`**/dashboard/articles/${id}`, (route) => (offline && route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await editor.type(' Then more.');
    await editor.saveDraft();
    await expect(editor.saveState).toContainText('Failed');
    offline = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(editor.saveState).toHaveText('Saved');
    await page.reload();
    await expect(editor.body).toContainText('Saved first. Then more.');
  });
});
