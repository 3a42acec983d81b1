import { articleIdFromUrl, callServerAction, expect, test, uniqueText } from './fixtures';

// The publish button is hidden from writers, but a server action is a public
// HTTP endpoint: these call it directly and check the server itself refuses.
test.describe('the server refuses what the role does not allow', () => {
  test('a writer calling the publish action directly is refused and the article stays a draft', async ({ page, signIn, editor }) => {
    await signIn('writer');
    await editor.gotoNew();
    const headline = uniqueText('Writer tries to publish');
    await editor.fillHeadline(headline);
    await editor.chooseSection('News');
    await editor.type('A draft that only an editor may publish.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    const id = await articleIdFromUrl(page);

    const result = await callServerAction(page.request, `/dashboard/articles/${id}`, 'publishArticleAction', [{ id }]);
    expect(result.status).toBe(200);
    expect(result.text).toContain('"code":"forbidden"');

    await page.reload();
    await expect(editor.status).toHaveText('Draft');
    const slug = await page.getByLabel('Slug').inputValue();
    expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404);
  });

  test('an anonymous call of the publish action is refused', async ({ page, signIn, editor, playwright, baseURL }) => {
    await signIn('writer');
    await editor.gotoNew();
    await editor.fillHeadline(uniqueText('Anonymous caller target'));
    await editor.type('Nobody signed in may publish this.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    const id = await articleIdFromUrl(page);

    const anonymous = await playwright.request.newContext({ baseURL });
    const publish = await callServerAction(anonymous, `/dashboard/articles/${id}`, 'publishArticleAction', [{ id }]);
    // proxy.ts redirects the page; the action, reached or not, must not publish.
    expect(publish.text).not.toContain('"ok":true');
    const save = await callServerAction(anonymous, `/articles/anything`, 'saveArticleAction', [{ id, headline: 'Defaced' }]);
    expect(save.text).not.toContain('"ok":true');
    await anonymous.dispose();

    await page.reload();
    await expect(editor.status).toHaveText('Draft');
    await expect(page.getByLabel('Headline')).not.toHaveValue('Defaced');
  });
});
