import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCorrectionAction } from '@/app/(dashboard)/dashboard/articles/[id]/corrections-actions';
import { getArticle, getPublishedArticle } from '@/db/queries/articles';
import { listAuditEntries } from '@/db/queries/audit';
import { addCorrection, countPublicCorrections, listCorrectionsForArticle, listPublicCorrections } from '@/db/queries/corrections';
import type { StaffMember } from '@/db/queries/people';
import { transitionArticle } from '@/db/queries/workflow';
import { makeArticle, makeUser, unique } from '../helpers/factories';

const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => cookie.session }));
const signIn = (user: StaffMember | null) => {
  cookie.session = user && { user: { id: user.id, sessionVersion: user.sessionVersion } };
};
beforeEach(() => signIn(null));

let writer: StaffMember;
let editor: StaffMember;
let admin: StaffMember;
beforeAll(async () => {
  [writer, editor, admin] = await Promise.all([makeUser('writer'), makeUser('editor'), makeUser('admin')]);
});

const published = () => makeArticle(writer.id, { headline: `Lifeboat appeal ${unique()}` }, { publish: true });
const note = (text = 'The appeal raised £84,000, not £48,000 as we first reported.') => `${text} (${unique()})`;
/** The public list, narrowed to the given articles: other tests add corrections to the same database. */
const publicFor = async (...articleIds: string[]) => {
  const slugs = new Set(await Promise.all(articleIds.map(async (id) => (await getArticle(id))!.slug)));
  return (await listPublicCorrections({ limit: 10_000 })).filter((c) => slugs.has(c.article.slug));
};

describe('addCorrection', () => {
  it('attaches a dated note to a published article and sets the article’s Updated time to it', async () => {
    const article = await published();
    const body = note();
    const result = await addCorrection({ articleId: article.id, kind: 'correction', body, actor: editor });
    if (!result.ok) throw new Error(result.reason);
    expect(result.correction).toMatchObject({ articleId: article.id, kind: 'correction', body, createdBy: editor.id });
    const stored = (await getArticle(article.id))!;
    expect(stored.modifiedAt).toEqual(result.correction.createdAt);
    // A note is not an edit of the text: an editor with the article open is not put in conflict.
    expect(stored.version).toBe(article.version);
    expect((await getPublishedArticle(article.slug))!.modifiedAt).toEqual(result.correction.createdAt);
  });

  it('lists an article’s notes oldest first, with who added them', async () => {
    const article = await published();
    const first = note('First.');
    const second = note('Second.');
    await addCorrection({ articleId: article.id, kind: 'correction', body: first, actor: editor });
    await addCorrection({ articleId: article.id, kind: 'update', body: second, actor: admin });
    expect(await listCorrectionsForArticle(article.id)).toMatchObject([
      { kind: 'correction', body: first, createdByName: editor.name },
      { kind: 'update', body: second, createdByName: admin.name },
    ]);
  });

  it('refuses a draft and an unknown article, and adds nothing', async () => {
    const draft = await makeArticle(writer.id);
    expect(await addCorrection({ articleId: draft.id, kind: 'update', body: note(), actor: editor })).toEqual({ ok: false, reason: 'not_published' });
    expect(await listCorrectionsForArticle(draft.id)).toEqual([]);
    expect((await getArticle(draft.id))!.modifiedAt).toBeNull();
    expect(await addCorrection({ articleId: crypto.randomUUID(), kind: 'update', body: note(), actor: editor })).toEqual({ ok: false, reason: 'not_found' });
  });

  it('records the note in the audit log', async () => {
    const article = await published();
    const result = await addCorrection({ articleId: article.id, kind: 'update', body: note(), actor: editor });
    if (!result.ok) throw new Error(result.reason);
    const [entry] = await listAuditEntries({ objectId: article.id, action: 'article.correction' });
    expect(entry).toMatchObject({ actorId: editor.id, objectType: 'article', detail: { kind: 'update', correctionId: result.correction.id, headline: article.headline } });
  });
});

describe('the public corrections list', () => {
  it('shows every note on public articles, newest first, with the article it belongs to', async () => {
    const [a, b] = [await published(), await published()];
    const bodies = [note('One.'), note('Two.'), note('Three.')];
    await addCorrection({ articleId: a.id, kind: 'correction', body: bodies[0], actor: editor });
    await addCorrection({ articleId: b.id, kind: 'update', body: bodies[1], actor: editor });
    await addCorrection({ articleId: a.id, kind: 'update', body: bodies[2], actor: editor });
    const listed = await publicFor(a.id, b.id);
    expect(listed.map((c) => c.body)).toEqual([bodies[2], bodies[1], bodies[0]]);
    expect(listed[1]).toMatchObject({ kind: 'update', article: { headline: b.headline, slug: b.slug } });
  });

  it('drops the notes of an article that is unpublished, and shows them again when it is republished', async () => {
    const article = await published();
    await addCorrection({ articleId: article.id, kind: 'correction', body: note(), actor: editor });
    const off = await transitionArticle({ id: article.id, action: 'unpublish', actor: editor });
    if (!off.ok) throw new Error(off.reason);
    expect(await publicFor(article.id)).toEqual([]);
    const on = await transitionArticle({ id: article.id, action: 'publish', actor: editor });
    if (!on.ok) throw new Error(on.reason);
    expect(await publicFor(article.id)).toHaveLength(1);
  });

  it('the count for paging matches the list, public articles only', async () => {
    const withdrawn = await published();
    await addCorrection({ articleId: withdrawn.id, kind: 'update', body: note(), actor: editor });
    await transitionArticle({ id: withdrawn.id, action: 'unpublish', actor: editor });
    const [count, listed] = await Promise.all([countPublicCorrections(), listPublicCorrections({ limit: 100_000 })]);
    expect(count).toBe(listed.length);
    expect(listed.some((c) => c.article.slug === withdrawn.slug)).toBe(false);
  });
});

describe('addCorrectionAction', () => {
  const input = (articleId: string, overrides: Record<string, unknown> = {}) => ({ articleId, kind: 'correction', body: note(), ...overrides });

  it('an editor adds a note and gets it back with its date in words', async () => {
    const article = await published();
    signIn(editor);
    const result = await addCorrectionAction(input(article.id, { body: '  An earlier version   misspelled the coxswain’s name.  ' }));
    expect(result).toMatchObject({ ok: true, data: { kind: 'correction', body: 'An earlier version misspelled the coxswain’s name.', createdByName: editor.name, dateLabel: expect.stringMatching(/^\d{1,2} \w+ \d{4}$/) } });
  });

  it('a writer cannot add a note, even to their own article', async () => {
    const article = await published();
    signIn(writer);
    expect(await addCorrectionAction(input(article.id))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await listCorrectionsForArticle(article.id)).toEqual([]);
  });

  it('signed out, nothing is added', async () => {
    const article = await published();
    expect(await addCorrectionAction(input(article.id))).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await listCorrectionsForArticle(article.id)).toEqual([]);
  });

  it('a note shorter than 10 or longer than 2,000 characters, or of an unknown kind, gets field errors', async () => {
    const article = await published();
    signIn(admin);
    expect(await addCorrectionAction(input(article.id, { body: ' Typo.    ' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.stringContaining('at least 10') } });
    expect(await addCorrectionAction(input(article.id, { body: 'x'.repeat(2001) }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.stringContaining('2,000') } });
    expect(await addCorrectionAction(input(article.id, { kind: 'retraction' }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { kind: expect.any(String) } });
    expect(await addCorrectionAction(input(article.id, { body: 'x'.repeat(2000) }))).toMatchObject({ ok: true });
    expect(await listCorrectionsForArticle(article.id)).toHaveLength(1);
  });

  it('a draft gets a message saying notes are for published articles', async () => {
    const draft = await makeArticle(writer.id);
    signIn(editor);
    expect(await addCorrectionAction(input(draft.id))).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('published') });
  });
});
