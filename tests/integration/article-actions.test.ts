import { randomUUID } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { publishArticleAction, saveArticleAction, unpublishArticleAction } from '@/app/(dashboard)/dashboard/articles/actions';
import type { StaffMember } from '@/db/queries/people';
import { getArticle, getPublishedArticle, listArticleTagNames, listDashboardArticles } from '@/db/queries/articles';
import { transitionArticle } from '@/db/queries/workflow';
import { doc, draftInput, makeArticle, makeSection, makeUser, paragraph, unique } from '../helpers/factories';

// Who is calling is the one thing these tests choose; everything after that
// (validation, rights, the queries) is the real code against the database.
const session = vi.hoisted(() => ({ user: null as StaffMember | null }));
vi.mock('@/lib/session', () => ({
  currentUser: async () => session.user,
  requireUser: async () => {
    throw new Error('requireUser is for pages, not actions');
  },
}));

const signIn = (user: StaffMember | null) => {
  session.user = user;
};
beforeEach(() => signIn(null));

const draft = draftInput;

/** The save the editor sends for an article already stored. */
async function edit(id: string, overrides: Record<string, unknown> = {}) {
  const article = (await getArticle(id))!;
  return draft({
    id,
    baseVersion: article.version,
    headline: article.headline,
    slug: article.slug,
    slugAuto: false,
    sectionId: article.sectionId,
    body: article.body,
    ...overrides,
  });
}

const javascriptLink: JSONContent = doc({
  type: 'paragraph',
  content: [{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href: 'javascript:alert(document.cookie)' } }] }],
});

async function headlinesInNewsroom() {
  const admin = await makeUser('admin');
  return (await listDashboardArticles(admin, { limit: 1000 })).map((a) => a.headline);
}

describe('signed out', () => {
  it('saving a new article is refused as unauthenticated and creates nothing', async () => {
    const input = draft();
    const result = await saveArticleAction(input);
    expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await headlinesInNewsroom()).not.toContain(input.headline);
  });

  it('saving over an existing article is refused and the article is unchanged', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id);
    const result = await saveArticleAction(await edit(article.id, { headline: 'Defaced' }));
    expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await getArticle(article.id)).toMatchObject({ headline: article.headline, version: article.version });
  });

  it('publishing is refused and the article stays a draft', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, { sectionId: (await makeSection()).id });
    expect(await publishArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', publishedAt: null, version: article.version });
    expect(await getPublishedArticle(article.slug)).toBeNull();
  });

  it('unpublishing is refused and the article stays public', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: true });
    expect(await unpublishArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await getPublishedArticle(article.slug)).not.toBeNull();
  });

  it('malformed input is refused as unauthenticated before it is looked at', async () => {
    expect(await saveArticleAction({ headline: 42 })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await publishArticleAction('nonsense')).toMatchObject({ ok: false, code: 'unauthenticated' });
  });
});

describe('writers', () => {
  it('a writer creates a draft with a slug made from the headline, as its author', async () => {
    const writer = await makeUser('writer');
    signIn(writer);
    const tag = unique('Dredging');
    const result = await saveArticleAction(draft({ headline: 'Harbour: what’s next?', tags: [tag] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ version: 1, status: 'draft', publishedAt: null });
    expect(result.data.slug).toMatch(/^harbour-whats-next(-\d+)?$/);
    const stored = await getArticle(result.data.id);
    expect(stored).toMatchObject({
      authorId: writer.id,
      headline: 'Harbour: what’s next?',
      bodyHtml: '<p>The harbour board voted on Tuesday to dredge the channel.</p>',
      bodyText: 'The harbour board voted on Tuesday to dredge the channel.',
      wordCount: 10,
    });
    expect(await listArticleTagNames(result.data.id)).toEqual([tag]);
  });

  it('a writer saves their own draft, and the version goes up', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id);
    signIn(writer);
    const result = await saveArticleAction(await edit(article.id, { headline: 'Dredging approved', body: doc(paragraph('Updated text.')) }));
    expect(result).toMatchObject({ ok: true, data: { id: article.id, version: article.version + 1 } });
    expect(await getArticle(article.id)).toMatchObject({ headline: 'Dredging approved', bodyText: 'Updated text.' });
  });

  it('a writer may go back to their own article after an editor unpublished it', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: true });
    expect(await transitionArticle({ id: article.id, action: 'unpublish', actor: await makeUser('editor') })).toMatchObject({ ok: true });
    signIn(writer);
    const result = await saveArticleAction(await edit(article.id, { headline: 'Corrected headline' }));
    expect(result.ok).toBe(true);
  });

  it("a writer saving someone else's article gets the same answer as for a missing article", async () => {
    const owner = await makeUser('writer');
    const intruder = await makeUser('writer');
    const article = await makeArticle(owner.id);
    signIn(intruder);
    const theirs = await saveArticleAction(await edit(article.id, { headline: 'Hijacked' }));
    const missing = await saveArticleAction(await edit(article.id, { id: randomUUID(), headline: 'Hijacked' }));
    expect(theirs).toMatchObject({ ok: false, code: 'not_found' });
    expect(theirs).toEqual(missing);
    expect(await getArticle(article.id)).toMatchObject({ headline: article.headline, version: article.version });
  });

  it('a writer cannot change their own article once it is published', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: true });
    signIn(writer);
    const result = await saveArticleAction(await edit(article.id, { headline: 'Quietly changed' }));
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await getArticle(article.id)).toMatchObject({ headline: article.headline, version: article.version });
    expect((await getPublishedArticle(article.slug))?.headline).toBe(article.headline);
  });

  it('a writer cannot publish their own draft, which stays a draft', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, { sectionId: (await makeSection()).id });
    signIn(writer);
    expect(await publishArticleAction({ id: article.id, baseVersion: article.version })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', publishedAt: null, version: article.version });
    expect(await getPublishedArticle(article.slug)).toBeNull();
  });

  it('a writer cannot unpublish their own published article', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: true });
    signIn(writer);
    expect(await unpublishArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await getPublishedArticle(article.slug)).not.toBeNull();
  });

  it("a writer publishing someone else's article is told it does not exist", async () => {
    const owner = await makeUser('writer');
    const article = await makeArticle(owner.id, { sectionId: (await makeSection()).id });
    signIn(await makeUser('writer'));
    expect(await publishArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft' });
  });
});

describe('editors', () => {
  it("an editor publishes a writer's draft and readers can see it", async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, { sectionId: (await makeSection()).id });
    signIn(await makeUser('editor'));
    const result = await publishArticleAction({ id: article.id, baseVersion: article.version });
    expect(result).toMatchObject({ ok: true, data: { id: article.id, status: 'published', version: article.version + 1 } });
    expect(result.ok && result.data?.publishedAt).toEqual(expect.any(String));
    expect((await getPublishedArticle(article.slug))?.headline).toBe(article.headline);
  });

  it('an admin publishes too', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, { sectionId: (await makeSection()).id });
    signIn(await makeUser('admin'));
    expect(await publishArticleAction({ id: article.id })).toMatchObject({ ok: true });
    expect(await getPublishedArticle(article.slug)).not.toBeNull();
  });

  it("an editor corrects a writer's published article and readers see the correction", async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: true });
    signIn(await makeUser('editor'));
    const result = await saveArticleAction(await edit(article.id, { body: doc(paragraph('Corrected: the vote was 5 to 2.')) }));
    expect(result).toMatchObject({ ok: true, data: { status: 'published' } });
    expect((await getPublishedArticle(article.slug))?.bodyHtml).toBe('<p>Corrected: the vote was 5 to 2.</p>');
  });

  it('an editor unpublishes an article and readers can no longer see it', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: true });
    signIn(await makeUser('editor'));
    expect(await unpublishArticleAction({ id: article.id })).toMatchObject({ ok: true, data: { status: 'unpublished' } });
    expect(await getPublishedArticle(article.slug)).toBeNull();
  });

  it('unpublishing a draft is refused', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id);
    signIn(await makeUser('editor'));
    expect(await unpublishArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', version: article.version });
  });

  it('publishing an article without headline or section names both fields, and it stays a draft', async () => {
    const editor = await makeUser('editor');
    signIn(editor);
    const saved = await saveArticleAction(draft({ headline: '', sectionId: null }));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const result = await publishArticleAction({ id: saved.data.id, baseVersion: saved.data.version });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { headline: expect.any(String), sectionId: expect.any(String) } });
    expect(await getArticle(saved.data.id)).toMatchObject({ status: 'draft', publishedAt: null });
  });

  it('publishing an article with no text names the body', async () => {
    const editor = await makeUser('editor');
    const article = await makeArticle(editor.id, { sectionId: (await makeSection()).id, body: doc() });
    signIn(editor);
    expect(await publishArticleAction({ id: article.id })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.any(String) } });
  });

  it('publishing on an old version is a conflict and the article stays a draft', async () => {
    const editor = await makeUser('editor');
    const article = await makeArticle(editor.id, { sectionId: (await makeSection()).id });
    signIn(editor);
    expect((await saveArticleAction(await edit(article.id, { headline: 'Newer' }))).ok).toBe(true);
    expect(await publishArticleAction({ id: article.id, baseVersion: article.version })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', headline: 'Newer' });
  });
});

describe('what a save may contain', () => {
  it('a body with a javascript: link is refused on the body field and nothing is stored', async () => {
    const writer = await makeUser('writer');
    signIn(writer);
    const input = draft({ body: javascriptLink });
    const result = await saveArticleAction(input);
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.stringMatching(/link/) } });
    expect(await headlinesInNewsroom()).not.toContain(input.headline);
  });

  it('an edit adding a javascript: link is refused and the stored article keeps its body', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id);
    signIn(writer);
    const result = await saveArticleAction(await edit(article.id, { body: javascriptLink }));
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.any(String) } });
    const stored = await getArticle(article.id);
    expect(stored).toMatchObject({ version: article.version, body: article.body, bodyHtml: article.bodyHtml });
    expect(stored!.bodyHtml).not.toContain('javascript');
  });

  it('a body with a script node or an event handler attribute is refused', async () => {
    signIn(await makeUser('writer'));
    for (const body of [
      doc({ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }),
      doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [{ type: 'text', text: 'x' }] }),
      '<p onclick="alert(1)">x</p>',
    ]) {
      expect(await saveArticleAction(draft({ body }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { body: expect.any(String) } });
    }
  });

  it('markup typed into the text is stored escaped', async () => {
    const writer = await makeUser('writer');
    signIn(writer);
    const result = await saveArticleAction(draft({ body: doc(paragraph('<img src=x onerror=alert(1)>')) }));
    expect(result.ok).toBe(true);
    if (result.ok) expect((await getArticle(result.data.id))?.bodyHtml).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('a save on an old version is a conflict and the newer text is kept', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id);
    signIn(writer);
    const base = await edit(article.id);
    expect((await saveArticleAction({ ...base, headline: 'Saved from the laptop' })).ok).toBe(true);
    const stale = await saveArticleAction({ ...base, headline: 'Saved from the phone' });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    expect(await getArticle(article.id)).toMatchObject({ headline: 'Saved from the laptop', version: article.version + 1 });
  });

  it('saving an existing article without a version is refused', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id);
    signIn(writer);
    expect(await saveArticleAction(await edit(article.id, { baseVersion: null }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { form: expect.any(String) } });
  });

  it('a slug another article uses is refused on the slug field', async () => {
    const writer = await makeUser('writer');
    const other = await makeArticle(writer.id);
    signIn(writer);
    expect(await saveArticleAction(draft({ slug: other.slug, slugAuto: false }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { slug: expect.any(String) } });
  });

  it('a section that does not exist is refused on the section field', async () => {
    signIn(await makeUser('writer'));
    expect(await saveArticleAction(draft({ sectionId: randomUUID() }))).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { sectionId: expect.any(String) } });
  });

  it('a lead image that does not exist is refused on the image field', async () => {
    signIn(await makeUser('writer'));
    expect(await saveArticleAction(draft({ leadImageId: randomUUID(), leadImageAlt: 'Boats' }))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { leadImageId: expect.any(String) },
    });
  });

  it('a lead image without alt text is refused on the alt text field', async () => {
    signIn(await makeUser('writer'));
    expect(await saveArticleAction(draft({ leadImageId: randomUUID(), leadImageAlt: '' }))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { leadImageAlt: expect.any(String) },
    });
  });
});

describe('malformed requests', () => {
  // A server action is a public endpoint: anything can arrive, and the answer is always a field error, never a crash.
  it.each([
    ['a number as headline', () => draft({ headline: 42 }), 'headline'],
    ['a 10,000-character headline', () => draft({ headline: 'x'.repeat(10_000) }), 'headline'],
    ['an object as standfirst', () => draft({ dek: { $gt: '' } }), 'dek'],
    ['a non-uuid id', () => draft({ id: '1 or 1=1', baseVersion: 1 }), 'id'],
    ['a non-uuid section', () => draft({ sectionId: '../../etc/passwd' }), 'sectionId'],
    ['a version as text', () => draft({ id: randomUUID(), baseVersion: '1' }), 'baseVersion'],
    ['tags as text', () => draft({ tags: 'a,b,c' }), 'tags'],
    ['thirteen tags', () => draft({ tags: Array.from({ length: 13 }, (_, i) => `t${i}`) }), 'tags'],
    ['a body as HTML text', () => draft({ body: '<script>alert(1)</script>' }), 'body'],
    ['a missing body', () => draft({ body: undefined }), 'body'],
    ['a missing headline', () => ({ ...draft(), headline: undefined }), 'headline'],
    ['an empty object', () => ({}), 'headline'],
    ['null', () => null, 'form'],
    ['a string', () => 'headline=hello', 'form'],
    ['an array', () => [draft()], 'form'],
  ])('saving with %s is refused on the right field', async (_name, input, field) => {
    signIn(await makeUser('writer'));
    const result = await saveArticleAction(input());
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(result.ok ? {} : result.fieldErrors).toHaveProperty([field]);
  });

  it.each([
    ['a non-uuid id', { id: 'not-an-id' }, 'id'],
    ['no id', {}, 'id'],
    ['a version as text', { id: randomUUID(), baseVersion: 'latest' }, 'baseVersion'],
    ['a negative version', { id: randomUUID(), baseVersion: -1 }, 'baseVersion'],
  ])('publishing or unpublishing with %s is refused on the right field', async (_name, input, field) => {
    signIn(await makeUser('editor'));
    for (const action of [publishArticleAction, unpublishArticleAction]) {
      const result = await action(input);
      expect(result).toMatchObject({ ok: false, code: 'invalid' });
      expect(result.ok ? {} : result.fieldErrors).toHaveProperty([field]);
    }
  });

  it('publishing an article that does not exist is not found', async () => {
    signIn(await makeUser('editor'));
    expect(await publishArticleAction({ id: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await unpublishArticleAction({ id: randomUUID() })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('the version an editor works from', () => {
  it('each successful step returns the version the next step must name', async () => {
    const editor = await makeUser('editor');
    signIn(editor);
    const section = await makeSection();
    const created = await saveArticleAction(draft({ sectionId: section.id }));
    if (!created.ok) throw new Error(created.error);
    const saved = await saveArticleAction(await edit(created.data.id, { baseVersion: created.data.version, dek: 'Second draft' }));
    if (!saved.ok) throw new Error(saved.error);
    const published = await publishArticleAction({ id: created.data.id, baseVersion: saved.data.version });
    if (!published.ok) throw new Error(published.error);
    const unpublished = await unpublishArticleAction({ id: created.data.id, baseVersion: published.data!.version });
    expect(unpublished).toMatchObject({ ok: true, data: { version: 4, status: 'unpublished' } });
    // Publishing again keeps the first publication time.
    const republished = await publishArticleAction({ id: created.data.id, baseVersion: 4 });
    expect(republished).toMatchObject({ ok: true, data: { version: 5, status: 'published', publishedAt: published.data?.publishedAt } });
  });
});
