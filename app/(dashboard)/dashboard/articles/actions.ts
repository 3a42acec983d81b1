'use server';

import { getArticle, createArticle, publishArticle, unpublishArticle, updateArticle, type ArticleFields } from '@/db/queries/articles';
import { getImageInfo } from '@/db/queries/images';
import { getSection } from '@/db/queries/taxonomy';
import type { Article, ArticleStatus } from '@/db/schema';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { can } from '@/lib/permissions';
import { renderArticleBody, validateDocument } from '@/lib/rich-text/server';
import { slugify } from '@/lib/slug';
import { articleDraftSchema, articleRefSchema, publishProblems } from '@/lib/validation/article';

export interface SavedArticle {
  id: string;
  version: number;
  slug: string;
  status: ArticleStatus;
  updatedAt: string;
  publishedAt: string | null;
}

const saved = (article: Article): SavedArticle => ({
  id: article.id,
  version: article.version,
  slug: article.slug,
  status: article.status,
  updatedAt: article.updatedAt.toISOString(),
  publishedAt: article.publishedAt?.toISOString() ?? null,
});

const NOT_FOUND = 'This article does not exist, or you do not have access to it.';

export const saveArticleAction = authedAction({ schema: articleDraftSchema }, async (input, user): Promise<ActionResult<SavedArticle>> => {
  const checked = validateDocument(input.body);
  if (!checked.ok) return fail('invalid', checked.error, { body: checked.error });

  if (input.id) {
    const existing = await getArticle(input.id);
    if (!existing || existing.status === 'trashed' || !can.viewArticle(user, existing)) return fail('not_found', NOT_FOUND);
    if (!can.editArticle(user, existing)) return fail('forbidden', 'Once an article is published, only an editor can change it.');
    if (input.baseVersion === null) return fail('invalid', 'Missing version.', { form: 'Missing version.' });
  }
  if (input.sectionId && !(await getSection(input.sectionId))) return fail('invalid', 'Some fields need attention.', { sectionId: 'That section no longer exists. Choose another.' });
  if (input.leadImageId && !(await getImageInfo(input.leadImageId))) return fail('invalid', 'Some fields need attention.', { leadImageId: 'That image is no longer available. Upload it again.' });

  const rendered = renderArticleBody(checked.doc);
  const slugAuto = input.slugAuto || !input.slug;
  const fields: ArticleFields = {
    headline: input.headline,
    dek: input.dek,
    slug: slugAuto ? slugify(input.headline) || 'untitled' : input.slug,
    slugAuto,
    sectionId: input.sectionId,
    tags: input.tags,
    leadImageId: input.leadImageId,
    leadImageCaption: input.leadImageCaption,
    leadImageCredit: input.leadImageCredit,
    leadImageAlt: input.leadImageAlt,
    body: checked.doc,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    wordCount: rendered.wordCount,
  };

  const result = input.id ? await updateArticle(input.id, fields, input.baseVersion!) : await createArticle(fields, user.id);
  if (result.ok) return { ok: true, data: saved(result.article) };
  switch (result.reason) {
    case 'slug_taken':
      return fail('invalid', 'Some fields need attention.', { slug: 'Another article already uses this slug. Choose a different one.' });
    case 'conflict':
      return fail('conflict', `Someone else saved this article since you opened it (now version ${result.current.version}). Your text is kept in this browser.`);
    case 'not_found':
      return fail('not_found', NOT_FOUND);
  }
});

export const publishArticleAction = authedAction({ schema: articleRefSchema }, async ({ id, baseVersion }, user): Promise<ActionResult<SavedArticle>> => {
  const article = await getArticle(id);
  if (!article || article.status === 'trashed' || !can.viewArticle(user, article)) return fail('not_found', NOT_FOUND);
  if (!can.publishArticle(user)) return fail('forbidden', 'Only editors and admins can publish.');
  const problems = publishProblems(article);
  if (Object.keys(problems).length > 0) return fail('invalid', 'The article is not ready to publish.', problems);
  const result = await publishArticle(id, baseVersion);
  if (!result.ok) return result.reason === 'conflict' ? fail('conflict', 'The article changed since you last saved. Save again, then publish.') : fail('not_found', NOT_FOUND);
  return { ok: true, data: saved(result.article) };
});

export const unpublishArticleAction = authedAction({ schema: articleRefSchema }, async ({ id, baseVersion }, user): Promise<ActionResult<SavedArticle>> => {
  const article = await getArticle(id);
  if (!article || article.status === 'trashed' || !can.viewArticle(user, article)) return fail('not_found', NOT_FOUND);
  if (!can.unpublishArticle(user)) return fail('forbidden', 'Only editors and admins can unpublish.');
  if (article.status !== 'published') return fail('invalid', 'This article is not published.');
  const result = await unpublishArticle(id, baseVersion);
  if (!result.ok) return result.reason === 'conflict' ? fail('conflict', 'The article changed since you last saved. Reload it, then unpublish.') : fail('not_found', NOT_FOUND);
  return { ok: true, data: saved(result.article) };
});
