import type { Page } from '@playwright/test';
import { articleIdFromUrl, expect } from './fixtures';
import { EditorPage } from './pages/editor-page';

/** A made-up word that no other article contains: letters only, so every search parser sees one word. */
export function uniqueWord(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = 'zq';
  for (let i = 0; i < 9; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

export interface WrittenArticle {
  id: string;
  slug: string;
  headline: string;
}

/** Writes an article in the editor as the signed-in editor: published, or left as a draft. */
export async function writeArticle(
  page: Page,
  article: { headline: string; body: string; section?: string; tag?: string; publish: boolean },
): Promise<WrittenArticle> {
  const editor = new EditorPage(page);
  await editor.gotoNew();
  await editor.fillHeadline(article.headline);
  await editor.chooseSection(article.section ?? 'News');
  if (article.tag) await editor.addTag(article.tag);
  await editor.type(article.body);
  if (article.publish) {
    await editor.publish();
    await expect(editor.status).toHaveText('Published');
  } else {
    await editor.saveDraft();
    await expect(editor.saveState).toHaveText('Saved');
  }
  const id = await articleIdFromUrl(page);
  return { id, slug: await page.getByLabel('Slug').inputValue(), headline: article.headline };
}

/** Takes an article back from readers (unpublishing it if need be) and moves it to the trash, so later specs never meet it. */
export async function removeArticle(page: Page, id: string) {
  const editor = new EditorPage(page);
  await page.goto(`/dashboard/articles/${id}`);
  await editor.body.waitFor();
  if ((await editor.status.textContent())?.trim() === 'Published') {
    await editor.unpublish();
    await expect(editor.status).toHaveText('Unpublished');
  }
  await editor.move('Move to trash');
  await page.getByRole('button', { name: 'Yes, move to trash' }).click();
  await expect(editor.status).toHaveText('In trash');
}
