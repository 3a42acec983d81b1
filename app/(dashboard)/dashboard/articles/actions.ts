'use server';

import type { JSONContent } from '@tiptap/core';
import { getArticle, createArticle, updateArticle, type ArticleFields } from '@/db/queries/articles';
import { getStaffMember, listBylineOptions } from '@/db/queries/people';
import { addArticleNote } from '@/db/queries/notes';
import { recordAudit } from '@/db/queries/audit';
import { claimEditLock, releaseEditLock, type EditLock } from '@/db/queries/locks';
import { transitionArticle } from '@/db/queries/workflow';
import { getImageInfo } from '@/db/queries/images';
import { getSection } from '@/db/queries/taxonomy';
import type { Article, ArticleStatus } from '@/db/schema';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { withArticleInvalidation } from '@/lib/cache/article-state';
import { wakeScheduler } from '@/lib/scheduler';
import { can } from '@/lib/permissions';
import { renderArticleBody, validateDocument } from '@/lib/rich-text/server';
import { slugify } from '@/lib/slug';
import { articleDraftSchema, articleLockSchema, articleMoveSchema, articleNoteSchema } from '@/lib/validation/article';
import { containsUnstorableText, unstorableTextError } from '@/lib/validation/text';
import { TRANSITIONS, type WorkflowAction } from '@/lib/workflow';

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
  if (containsUnstorableText(checked.doc)) return fail('invalid', 'Some fields need attention.', { body: unstorableTextError('The text') });

  if (input.id) {
    const existing = await getArticle(input.id);
    if (!existing || existing.status === 'trashed' || !can.viewArticle(user, existing)) return fail('not_found', NOT_FOUND);
    if (!can.editArticle(user, existing)) return fail('forbidden', 'Once an article is published, only an editor can change it.');
    if (input.baseVersion === null) return fail('invalid', 'Missing version.', { form: 'Missing version.' });
  }
  if (input.sectionId && !(await getSection(input.sectionId))) return fail('invalid', 'Some fields need attention.', { sectionId: 'That section no longer exists. Choose another.' });
  if (input.bylines?.length) {
    const staff = new Set((await listBylineOptions()).map((person) => person.id));
    if (input.bylines.some((personId) => !staff.has(personId))) return fail('invalid', 'Some fields need attention.', { bylines: 'A byline names someone who is not on the staff.' });
  }
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
    bylines: input.bylines,
    body: checked.doc,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    wordCount: rendered.wordCount,
  };

  const mayEdit = (row: Article) => (!can.viewArticle(user, row) ? 'not_found' : can.editArticle(user, row) ? 'ok' : 'forbidden');
  // A new article is a draft nobody reads; an edit refreshes every cached page that shows the article.
  const result = input.id
    ? await withArticleInvalidation(input.id, () => updateArticle(input.id!, fields, input.baseVersion!, user.id, { overwrite: input.overwrite, mayEdit }), { statusUnchanged: true })
    : await createArticle(fields, user.id);
  if (result.ok) return { ok: true, data: saved(result.article) };
  switch (result.reason) {
    case 'slug_taken':
      return fail('invalid', 'Some fields need attention.', { slug: 'Another article already uses this slug. Choose a different one.' });
    case 'conflict':
      return fail('conflict', `Someone else saved this article since you opened it (now version ${result.current.version}). Your text is kept in this browser.`);
    case 'not_found':
      return fail('not_found', NOT_FOUND);
    case 'forbidden':
      return fail('forbidden', 'Once an article is published, only an editor can change it.');
  }
});

const MOVE_REFUSED: Record<WorkflowAction, string> = {
  submit: 'Only the writer of this article or an editor can submit it for review.',
  return: 'Only editors and admins can send an article back.',
  schedule: 'Only editors and admins can schedule.',
  unschedule: 'Only editors and admins can unschedule.',
  publish: 'Only editors and admins can publish.',
  unpublish: 'Only editors and admins can unpublish.',
  trash: 'You cannot move this article to the trash.',
  restore: 'You cannot restore this article.',
  purge: 'Only admins can delete an article for good.',
};

/** One server action per editorial move; each is checked by the workflow on the locked row. */
function moveAction(action: WorkflowAction) {
  return authedAction({ schema: articleMoveSchema }, async ({ id, baseVersion, publishAt }, user): Promise<ActionResult<SavedArticle | null>> => {
    const result = await withArticleInvalidation(id, () => transitionArticle({ id, action, actor: user, baseVersion, publishAt }));
    // The scheduler then sleeps until exactly this time (not its usual 30 s).
    if (result.ok && action === 'schedule') wakeScheduler();
    if (result.ok) return { ok: true, data: result.article ? saved(result.article) : null };
    switch (result.reason) {
      case 'not_found':
        return fail('not_found', NOT_FOUND);
      case 'forbidden':
        return fail('forbidden', MOVE_REFUSED[action]);
      case 'wrong_status':
        return fail('invalid', `“${TRANSITIONS[action].label}” is not possible from the article’s current status. Reload to see it.`);
      case 'conflict':
        return fail('conflict', 'The article changed since you last saved. Save again, then try once more.');
      case 'invalid':
        return fail('invalid', action === 'schedule' ? 'The article cannot be scheduled yet.' : 'The article is not ready to publish.', result.problems);
    }
  });
}

export const submitArticleAction = moveAction('submit');
export const returnArticleAction = moveAction('return');
export const scheduleArticleAction = moveAction('schedule');
export const unscheduleArticleAction = moveAction('unschedule');
export const publishArticleAction = moveAction('publish');
export const unpublishArticleAction = moveAction('unpublish');
export const trashArticleAction = moveAction('trash');
export const restoreArticleAction = moveAction('restore');
export const purgeArticleAction = moveAction('purge');

export const addNoteAction = authedAction({ schema: articleNoteSchema }, async ({ articleId, body }, user): Promise<ActionResult<{ id: string }>> => {
  const article = await getArticle(articleId);
  if (!article || article.status === 'trashed' || !can.viewArticle(user, article)) return fail('not_found', NOT_FOUND);
  const note = await addArticleNote({ articleId, authorId: user.id, body });
  return { ok: true, data: { id: note.id } };
});

/** The editor's heartbeat: claims or keeps the article, or says who has it. */
export const editLockAction = authedAction({ schema: articleLockSchema }, async ({ articleId, takeOver, release }, user): Promise<ActionResult<EditLock>> => {
  const article = await getArticle(articleId);
  if (!article || article.status === 'trashed' || !can.viewArticle(user, article)) return fail('not_found', NOT_FOUND);
  if (release) {
    await releaseEditLock(articleId, user.id);
    return { ok: true, data: { mine: false, holder: null } };
  }
  if (!can.editArticle(user, article)) return fail('forbidden', 'You cannot edit this article.');
  const lock = await claimEditLock(articleId, user.id, { takeOver });
  if (lock.tookOverFrom) {
    await recordAudit({ actor: user, action: 'article.take_over', objectType: 'article', objectId: articleId, detail: { headline: article.headline, from: lock.tookOverFrom } });
  }
  return { ok: true, data: { mine: lock.mine, holder: lock.holder } };
});

/** The article as saved now, for the conflict screen. */
export const currentTextAction = authedAction({ schema: articleLockSchema.pick({ articleId: true }) }, async ({ articleId }, user): Promise<ActionResult<ConflictText>> => {
  const article = await getArticle(articleId);
  if (!article || article.status === 'trashed' || !can.viewArticle(user, article)) return fail('not_found', NOT_FOUND);
  const editor = article.updatedBy ? await getStaffMember(article.updatedBy) : null;
  return {
    ok: true,
    data: {
      version: article.version,
      headline: article.headline,
      dek: article.dek,
      body: article.body,
      bodyText: article.bodyText,
      updatedAt: article.updatedAt.toISOString(),
      updatedByName: editor?.name ?? 'someone',
    },
  };
});

export interface ConflictText {
  version: number;
  headline: string;
  dek: string;
  body: JSONContent;
  bodyText: string;
  updatedAt: string;
  updatedByName: string;
}
