import { articleIdFromUrl, expect, makeImageFile, test, uniqueText } from './fixtures';

test.describe('the newsroom loop', () => {
  test('a writer drafts an article but has no way to publish it', async ({ page, signIn, editor }) => {
    await signIn('writer');
    await page.getByRole('link', { name: 'New article' }).click();
    const headline = uniqueText('Tide tables to be printed again');
    await editor.fillHeadline(headline);
    await editor.chooseSection('News');
    await editor.type('The harbour office will print tide tables again from April.');
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
    await articleIdFromUrl(page);
    await expect(editor.status).toHaveText('Draft');
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel('Headline')).toHaveValue(headline);
    await expect(editor.body).toContainText('print tide tables again');
    await page.getByRole('link', { name: '← Articles' }).click();
    await expect(page.getByRole('row', { name: new RegExp(headline) })).toContainText('Draft');
  });

  test('an editor publishes, readers see it exactly as written, and unpublishing leaves a withdrawn notice', async ({ page, signIn, editor, browser }) => {
    await signIn('editor');
    await editor.gotoNew();
    const headline = uniqueText('Lifeboat station wins lottery grant');
    const tag = uniqueText('Lifeboat');
    await editor.fillHeadline(headline);
    await editor.fillStandfirst('The money pays for a new slipway winch.');
    await editor.chooseSection('News');
    await editor.addTag(tag);
    await editor.uploadLeadImage(await makeImageFile('lead.png', '#3a6ea5'), {
      alt: 'The lifeboat on its slipway at dawn',
      caption: 'The station’s boat on the old slipway.',
      credit: 'Photo: Test Photographer',
    });

    // Heading, bold, link, blockquote and an inline image, through the toolbar.
    await editor.body.click();
    await editor.tool('Heading 2').click();
    await page.keyboard.type('What the grant pays for');
    await editor.newParagraph();
    await page.keyboard.type('The grant is worth ');
    await editor.tool('Bold').click();
    await page.keyboard.type('£84,000');
    await editor.tool('Bold').click();
    await page.keyboard.type(', according to the ');
    await page.keyboard.type('fund');
    await editor.selectBack(4);
    await editor.link('https://example.org/fund');
    await page.keyboard.press('End');
    await page.keyboard.type('.');
    await editor.newParagraph();
    await editor.tool('Quote').click();
    await page.keyboard.type('We have waited ten years for this winch.');
    await editor.newParagraph();
    await editor.newParagraph();
    await editor.insertImage(await makeImageFile('winch.png', '#a55a3a', 900, 600), {
      alt: 'The old winch house',
      caption: 'The winch house, built in 1931.',
      credit: 'Photo: Archive',
    });
    await expect(editor.body.getByRole('img', { name: 'The old winch house' })).toBeVisible();

    await editor.publish();
    await expect(editor.status).toHaveText('Published');
    await expect(page.getByRole('status').filter({ hasText: 'Published. Readers can see it now.' })).toBeVisible();
    const articleUrl = await page.getByRole('link', { name: 'View live' }).getAttribute('href');
    expect(articleUrl).toMatch(/^\/articles\/lifeboat-station-wins-lottery-grant/);

    // A reader: a fresh browser context, with no session.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto('/');
    await expect(reader.getByRole('link', { name: headline }).first()).toBeVisible();

    await reader.goto(articleUrl!);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
    await expect(reader.getByText('The money pays for a new slipway winch.')).toBeVisible();
    await expect(reader.getByRole('main').getByRole('link', { name: 'Support the Ledger!' })).toHaveAttribute('href', '/support');
    const body = reader.locator('.article-body');
    await expect(body.getByRole('heading', { level: 2 })).toHaveText('What the grant pays for');
    await expect(body.locator('strong')).toHaveText('£84,000');
    await expect(body.getByRole('link', { name: 'fund' })).toHaveAttribute('href', 'https://example.org/fund');
    await expect(body.locator('blockquote')).toHaveText('We have waited ten years for this winch.');
    const figure = body.locator('figure');
    await expect(figure.getByRole('img', { name: 'The old winch house' })).toBeVisible();
    await expect(figure.locator('figcaption')).toContainText('The winch house, built in 1931.');
    await expect(figure.locator('figcaption')).toContainText('Photo: Archive');
    const lead = reader.getByRole('img', { name: 'The lifeboat on its slipway at dawn' });
    await expect(lead).toBeVisible();
    await expect(lead).toHaveAttribute('width', '1200');
    await expect(lead).toHaveAttribute('height', '800');
    await expect(reader.getByText('The station’s boat on the old slipway.')).toBeVisible();
    await expect(reader.getByText('Photo: Test Photographer')).toBeVisible();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveCount(1);

    await reader.getByRole('link', { name: tag }).click();
    await expect(reader).toHaveURL(/\/tags\//);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(tag);
    await expect(reader.getByRole('link', { name: headline })).toBeVisible();

    await editor.unpublish();
    await expect(editor.status).toHaveText('Unpublished');
    await reader.goto(articleUrl!);
    // The address says it was withdrawn, keeps it out of search engines, and does not leak the headline.
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('This article is no longer available');
    await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(reader.getByText(headline)).toHaveCount(0);
    expect(await reader.title()).not.toContain(headline);
    await reader.goto('/');
    await expect(reader.getByRole('link', { name: headline })).toHaveCount(0);
  });

  test('an unknown article slug is a 404 page', async ({ page }) => {
    const response = await page.goto('/articles/no-such-story');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page isn’t here');
  });
});
