import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoreRevisionAction } from '@/app/(dashboard)/dashboard/articles/[id]/history/actions';
import { getArticle, getPublishedArticle, updateArticle } from '@/db/queries/articles';
import { listAuditEntries } from '@/db/queries/audit';
import type { StaffMember } from '@/db/queries/people';
import { getRevision, listRevisions, restoreRevision } from '@/db/queries/revisions';
import { transitionArticle } from '@/db/queries/workflow';
import type { Article } from '@/db/schema';
import { articleFields, doc, makeArticle, makeUser, paragraph, unique } from '../helpers/factories';

// The session cookie is the one thing chosen here; lib/session checks it against the database.
const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => cookie.session }));
const signIn = (user: StaffMember | null) => {
  cookie.session = user && { user: { id: user.id, sessionVersion: user.sessionVersion } };
};
beforeEach(() => signIn(null));

let writer: StaffMember;
let otherWriter: StaffMember;
let editor: StaffMember;
beforeAll(async () => {
  [writer, otherWriter, editor] = await Promise.all([makeUser('writer'), makeUser('writer'), makeUser('editor')]);
});

/** A save of new text over the current version, as the editor sends it. */
async function rewrite(id: string, by: StaffMember, text: { headline?: string; dek?: string; body?: string }): Promise<Article> {
  const current = (await getArticle(id))!;
  const fields = articleFields({
    headline: text.headline ?? current.headline,
    dek: text.dek ?? current.dek,
    slug: current.slug,
    sectionId: current.sectionId,
    body: text.body ? doc(paragraph(text.body)) : current.body,
  });
  const result = await updateArticle(id, fields, current.version, by.id);
  if (!result.ok) throw new Error(`rewrite: ${result.reason}`);
  return result.article;
}

/** A draft by the writer with one earlier text kept as a revision; returns the article and that revision. */
async function draftWithHistory() {
  const first = { headline: `Ferry timetable ${unique()}`, body: 'The first ferry leaves at seven.' };
  const article = await makeArticle(writer.id, { headline: first.headline, dek: 'First standfirst.', body: doc(paragraph(first.body)) });
  const edited = await rewrite(article.id, writer, { headline: `${first.headline} changes`, dek: 'Second standfirst.', body: 'The first ferry now leaves at eight.' });
  const [revision] = await listRevisions(article.id);
  expect(revision.headline).toBe(first.headline);
  return { article: edited, revision, first };
}

/** A published article whose text was changed after publication; returns it and the revision of the published text. */
async function publishedWithHistory() {
  const headline = `Harbour wall repairs ${unique()}`;
  const article = await makeArticle(writer.id, { headline, body: doc(paragraph('Repairs will cost £1.2m.')) }, { publish: true });
  const edited = await rewrite(article.id, editor, { body: 'Repairs will cost £1.4m, officers now say.' });
  const revision = (await listRevisions(article.id)).find((r) => r.headline === headline && r.reason === 'publish')!;
  return { article: edited, revision };
}

describe('restoreRevision', () => {
  it('puts the earlier headline, standfirst and body back, re-rendered, as a new version', async () => {
    const { article, revision, first } = await draftWithHistory();
    const result = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: writer });
    expect(result.ok).toBe(true);
    const restored = (await getArticle(article.id))!;
    expect(restored).toMatchObject({ headline: first.headline, dek: 'First standfirst.', bodyText: first.body, version: article.version + 1, updatedBy: writer.id, slug: article.slug });
    expect(restored.bodyHtml).toBe('<p>The first ferry leaves at seven.</p>');
    expect(restored.wordCount).toBe(6);
  });

  it('keeps the text it replaces as a restore revision first, so the restore can be undone', async () => {
    const { article, revision } = await draftWithHistory();
    const before = await listRevisions(article.id);
    const result = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: writer });
    if (!result.ok) throw new Error(result.reason);
    const after = await listRevisions(article.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ id: result.snapshot.id, reason: 'restore', articleVersion: article.version, headline: article.headline, createdByName: writer.name });
    const snapshot = (await getRevision(article.id, result.snapshot.id))!;
    expect(snapshot.bodyText).toBe('The first ferry now leaves at eight.');

    // Undo: restoring the snapshot brings the replaced text back.
    const undo = await restoreRevision({ articleId: article.id, revisionId: snapshot.id, baseVersion: result.article.version, actor: writer });
    expect(undo.ok).toBe(true);
    expect((await getArticle(article.id))!.bodyText).toBe('The first ferry now leaves at eight.');
  });

  it('a published article stays published, and readers see the restored text with an Updated time', async () => {
    const { article, revision } = await publishedWithHistory();
    const result = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: editor });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.status).toBe('published');
    expect(result.article.publishedAt).toEqual(article.publishedAt);
    const reader = (await getPublishedArticle(article.slug))!;
    expect(reader.bodyHtml).toContain('Repairs will cost £1.2m.');
    expect(reader.modifiedAt).not.toBeNull();
    expect(reader.modifiedAt!.getTime()).toBeGreaterThanOrEqual(article.modifiedAt!.getTime());
  });

  it('a draft stays a draft: restoring never publishes', async () => {
    const { article, revision } = await draftWithHistory();
    const result = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: editor });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.status).toBe('draft');
    expect(result.article.publishedAt).toBeNull();
    expect(result.article.modifiedAt).toBeNull();
    expect(await getPublishedArticle(article.slug)).toBeNull();
  });

  it('an unpublished article stays unpublished', async () => {
    const { article, revision } = await publishedWithHistory();
    const unpublished = await transitionArticle({ id: article.id, action: 'unpublish', actor: editor, baseVersion: article.version });
    if (!unpublished.ok) throw new Error(unpublished.reason);
    const result = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: unpublished.article!.version, actor: editor });
    if (!result.ok) throw new Error(result.reason);
    expect(result.article.status).toBe('unpublished');
    expect(await getPublishedArticle(article.slug)).toBeNull();
  });

  it('a stale version is a conflict, and nothing changes', async () => {
    const { article, revision } = await draftWithHistory();
    const newer = await rewrite(article.id, writer, { body: 'Someone saved in between.' });
    const before = await listRevisions(article.id);
    const result = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: writer });
    expect(result).toEqual({ ok: false, reason: 'conflict' });
    expect(await getArticle(article.id)).toMatchObject({ version: newer.version, bodyText: 'Someone saved in between.' });
    expect(await listRevisions(article.id)).toHaveLength(before.length);
  });

  it('a revision of another article is not found', async () => {
    const { article } = await draftWithHistory();
    const other = await draftWithHistory();
    const result = await restoreRevision({ articleId: article.id, revisionId: other.revision.id, baseVersion: article.version, actor: editor });
    expect(result).toEqual({ ok: false, reason: 'not_found' });
    expect((await getArticle(article.id))!.version).toBe(article.version);
  });

  it('a version without a headline cannot go back onto a published article', async () => {
    const article = await makeArticle(writer.id, { headline: '', body: doc(paragraph('Untitled notes.')) });
    await rewrite(article.id, writer, { headline: `Now with a headline ${unique()}` });
    const [untitled] = await listRevisions(article.id);
    expect(untitled.headline).toBe('');
    const published = await transitionArticle({ id: article.id, action: 'publish', actor: editor });
    if (!published.ok) throw new Error(published.reason);
    const result = await restoreRevision({ articleId: article.id, revisionId: untitled.id, baseVersion: published.article!.version, actor: editor });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', problems: { headline: expect.any(String) } });
    expect((await getArticle(article.id))!.headline).not.toBe('');
  });

  it('restoring a version identical to the current text is refused, and makes no revision', async () => {
    const { article, revision } = await draftWithHistory();
    const restored = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: writer });
    if (!restored.ok) throw new Error(restored.reason);
    const count = (await listRevisions(article.id)).length;
    const again = await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: restored.article.version, actor: writer });
    expect(again).toMatchObject({ ok: false, reason: 'invalid', problems: { form: expect.stringContaining('nothing to restore') } });
    expect(await listRevisions(article.id)).toHaveLength(count);
    expect((await getArticle(article.id))!.version).toBe(restored.article.version);
  });

  it('records who restored which version in the audit log', async () => {
    const { article, revision } = await publishedWithHistory();
    await restoreRevision({ articleId: article.id, revisionId: revision.id, baseVersion: article.version, actor: editor });
    const [entry] = await listAuditEntries({ objectId: article.id, action: 'article.revision_restore' });
    expect(entry).toMatchObject({
      actorId: editor.id,
      actorLabel: editor.name,
      objectType: 'article',
      detail: { revisionId: revision.id, restoredVersion: revision.articleVersion, fromVersion: article.version, toVersion: article.version + 1, status: 'published' },
    });
  });
});

describe('restoreRevisionAction', () => {
  const input = (article: Article, revisionId: string, baseVersion = article.version) => ({ articleId: article.id, revisionId, baseVersion });

  it('signed out, a restore is refused and nothing changes', async () => {
    const { article, revision } = await draftWithHistory();
    expect(await restoreRevisionAction(input(article, revision.id))).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect((await getArticle(article.id))!.version).toBe(article.version);
  });

  it('a writer restores a version of their own draft', async () => {
    const { article, revision, first } = await draftWithHistory();
    signIn(writer);
    const result = await restoreRevisionAction(input(article, revision.id));
    expect(result).toMatchObject({ ok: true, data: { version: article.version + 1, status: 'draft', snapshotId: expect.any(String) } });
    expect((await getArticle(article.id))!.headline).toBe(first.headline);
  });

  it('a writer cannot restore someone else’s article: it looks like a missing one', async () => {
    const { article, revision } = await draftWithHistory();
    signIn(otherWriter);
    expect(await restoreRevisionAction(input(article, revision.id))).toMatchObject({ ok: false, code: 'not_found' });
    expect((await getArticle(article.id))!.version).toBe(article.version);
  });

  it('a writer cannot restore their own article once it is published', async () => {
    const { article, revision } = await publishedWithHistory();
    signIn(writer);
    expect(await restoreRevisionAction(input(article, revision.id))).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await getArticle(article.id))!.bodyText).toBe('Repairs will cost £1.4m, officers now say.');
  });

  it('an editor restores a published article, which stays published', async () => {
    const { article, revision } = await publishedWithHistory();
    signIn(editor);
    expect(await restoreRevisionAction(input(article, revision.id))).toMatchObject({ ok: true, data: { status: 'published' } });
    expect((await getPublishedArticle(article.slug))!.bodyHtml).toContain('£1.2m');
  });

  it('a stale version is reported as a conflict', async () => {
    const { article, revision } = await draftWithHistory();
    signIn(writer);
    expect(await restoreRevisionAction(input(article, revision.id, article.version - 1))).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('malformed input is refused with field errors', async () => {
    signIn(editor);
    expect(await restoreRevisionAction({ articleId: 'x', revisionId: 'y' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { articleId: expect.any(String), revisionId: expect.any(String), baseVersion: expect.any(String) },
    });
  });
});
