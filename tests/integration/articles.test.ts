import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createArticle,
  getArticle,
  getPublishedArticle,
  listArticleTagNames,
  listDashboardArticles,
  listPublishedArticles,
  listPublishedArticlesByTag,
  updateArticle,
  type ArticleFields,
} from '@/db/queries/articles';
import type { StaffMember } from '@/db/queries/people';
import { transitionArticle } from '@/db/queries/workflow';
import { ensureTags, getTagBySlug } from '@/db/queries/taxonomy';
import type { Article } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { articleFields, doc, makeArticle, makeSection, makeUser, paragraph, unique } from '../helpers/factories';

let shared: ReturnType<typeof makeSection> | undefined;
const sharedSection = () => (shared ??= makeSection());

/** A draft, in a section so that it can be published (pass `sectionId: null` for none). */
async function create(authorId: string, overrides: Partial<ArticleFields> = {}): Promise<Article> {
  const result = await createArticle(articleFields({ sectionId: (await sharedSection()).id, ...overrides }), authorId);
  if (!result.ok) throw new Error(`create: ${result.reason}`);
  return result.article;
}

/** The editable fields of a stored article, as the editor would send them back. */
const fieldsOf = (article: Article, tags: string[] = []): Partial<ArticleFields> => ({
  headline: article.headline,
  slug: article.slug,
  sectionId: article.sectionId,
  tags,
  body: article.body,
});

let newsEditor: Promise<StaffMember> | undefined;
const editor = () => (newsEditor ??= makeUser('editor'));

/** Publishing goes through the workflow, as an editor would (the clock `now` sets the publication time). */
async function publishArticle(id: string, options: { baseVersion?: number; now?: Date } = {}) {
  return transitionArticle({ id, action: 'publish', actor: await editor(), ...options });
}
async function unpublishArticle(id: string) {
  return transitionArticle({ id, action: 'unpublish', actor: await editor() });
}
/** The same, for set-up steps that must succeed. */
async function published(id: string, options: { now?: Date } = {}): Promise<Article> {
  const result = await publishArticle(id, options);
  if (!result.ok) throw new Error(`publish: ${result.reason}`);
  return result.article!;
}

const isListed = async (id: string) => (await listPublishedArticles({ limit: 200 })).some((a) => a.id === id);
const isListedUnderTag = async (tagId: string, id: string) => (await listPublishedArticlesByTag(tagId, { limit: 200 })).some((a) => a.id === id);

describe('slugs', () => {
  it('an automatic slug that is taken gets the next free number', async () => {
    const writer = await makeUser('writer');
    const base = unique('council-budget');
    const slugs: string[] = [];
    for (let i = 0; i < 3; i++) slugs.push((await create(writer.id, { slug: base, slugAuto: true })).slug);
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it('an automatic slug fills the first gap and ignores slugs that only start the same way', async () => {
    const writer = await makeUser('writer');
    const base = unique('ferry');
    await create(writer.id, { slug: base });
    await create(writer.id, { slug: `${base}-3` });
    await create(writer.id, { slug: `${base}-timetable` });
    expect((await create(writer.id, { slug: base, slugAuto: true })).slug).toBe(`${base}-2`);
    expect((await create(writer.id, { slug: base, slugAuto: true })).slug).toBe(`${base}-4`);
  });

  // This race provokes unique-key errors on purpose; on the embedded database it also checks that
  // db/embedded.ts keeps concurrent clients apart after an error (electric-sql/pglite#1046).
  it('articles saved at the same moment with the same headline all get their own automatic slug', async () => {
    const writer = await makeUser('writer');
    const base = unique('breaking');
    const results = await Promise.all(Array.from({ length: 4 }, () => createArticle(articleFields({ slug: base, slugAuto: true }), writer.id)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const slugs = results.map((r) => (r.ok ? r.article.slug : '')).sort();
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`]);
  });

  it('a chosen slug that is taken is refused, and nothing is created', async () => {
    const writer = await makeUser('writer');
    const first = await create(writer.id);
    const result = await createArticle(articleFields({ slug: first.slug, slugAuto: false }), writer.id);
    expect(result).toEqual({ ok: false, reason: 'slug_taken' });
    expect(await listDashboardArticles(writer)).toHaveLength(1);
  });

  it('re-saving with an automatic slug keeps the article its own slug', async () => {
    const writer = await makeUser('writer');
    const base = unique('harbour');
    const article = await create(writer.id, { slug: base, slugAuto: true });
    const result = await updateArticle(article.id, articleFields({ ...fieldsOf(article), slug: base, slugAuto: true }), article.version, writer.id);
    expect(result.ok && result.article.slug).toBe(base);
  });

  it('changing to a slug another article has is refused and leaves the article as it was', async () => {
    const writer = await makeUser('writer');
    const other = await create(writer.id);
    const article = await create(writer.id);
    const result = await updateArticle(article.id, articleFields({ ...fieldsOf(article), headline: 'Changed', slug: other.slug }), article.version, writer.id);
    expect(result).toEqual({ ok: false, reason: 'slug_taken' });
    const stored = await getArticle(article.id);
    expect(stored).toMatchObject({ slug: article.slug, headline: article.headline, version: article.version });
  });
});

describe('saving edits', () => {
  it('an edit on the current version is stored and bumps the version', async () => {
    const writer = await makeUser('writer');
    const article = await create(writer.id);
    expect(article.version).toBe(1);
    const body = doc(paragraph('Dredging starts in March, the board said.'));
    const result = await updateArticle(article.id, articleFields({ ...fieldsOf(article), headline: 'Dredging starts in March', body }), 1, writer.id);
    expect(result.ok).toBe(true);
    const stored = await getArticle(article.id);
    expect(stored).toMatchObject({ version: 2, headline: 'Dredging starts in March', body, bodyText: 'Dredging starts in March, the board said.', wordCount: 7 });
    expect(stored!.updatedAt.getTime()).toBeGreaterThanOrEqual(article.updatedAt.getTime());
    expect(stored!.authorId).toBe(writer.id);
  });

  it('an edit on an old version is refused with the current article, which stays as it was', async () => {
    const writer = await makeUser('writer');
    const article = await create(writer.id);
    const first = await updateArticle(article.id, articleFields({ ...fieldsOf(article), headline: 'First edit' }), 1, writer.id);
    expect(first.ok).toBe(true);
    const stale = await updateArticle(article.id, articleFields({ ...fieldsOf(article), headline: 'Stale edit' }), 1, writer.id);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { id: article.id, version: 2, headline: 'First edit' } });
    expect(await getArticle(article.id)).toMatchObject({ version: 2, headline: 'First edit' });
  });

  it('of two edits made on the same version at the same moment, exactly one is stored', async () => {
    const writer = await makeUser('writer');
    const article = await create(writer.id, { tags: ['Original'] });
    const edits = ['Edit from the newsdesk', 'Edit from the reporter'].map((headline) =>
      articleFields({ ...fieldsOf(article), headline, tags: [headline], body: doc(paragraph(`${headline}: the full text.`)) }),
    );
    const results = await Promise.all(edits.map((fields) => updateArticle(article.id, fields, article.version, writer.id)));

    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = edits[results.findIndex((r) => r.ok)];
    expect(losers[0]).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2, headline: winner.headline, bodyText: winner.bodyText } });

    const stored = await getArticle(article.id);
    expect(stored).toMatchObject({ version: 2, headline: winner.headline, bodyText: winner.bodyText, bodyHtml: winner.bodyHtml });
    expect(await listArticleTagNames(article.id)).toEqual([winner.headline]);
  });

  it('an edit to an article that does not exist is not found', async () => {
    expect(await updateArticle(randomUUID(), articleFields(), 1, randomUUID())).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('tags', () => {
  it('tags are created once and reused by later articles', async () => {
    const writer = await makeUser('writer');
    const name = unique('Fisheries');
    const a = await create(writer.id, { tags: [name] });
    const b = await create(writer.id, { tags: [name] });
    const tag = await getTagBySlug(slugify(name, 60));
    expect(tag?.name).toBe(name);
    expect(await isListedUnderTag(tag!.id, a.id)).toBe(false); // drafts stay out of public lists
    await published(a.id);
    await published(b.id);
    expect(await isListedUnderTag(tag!.id, a.id)).toBe(true);
    expect(await isListedUnderTag(tag!.id, b.id)).toBe(true);
    const again = await ensureTags([name]);
    expect(again.map((t) => t.id)).toEqual([tag!.id]);
  });

  it('names differing only in case and spacing are the same tag, named as first written', async () => {
    const u = unique('x');
    const first = await ensureTags([`Harbour Board ${u}`]);
    const again = await ensureTags([`harbour board ${u}`, `  HARBOUR   board ${u} `]);
    expect(again).toHaveLength(1);
    expect(again[0]).toEqual(first[0]);
    expect(again[0].name).toBe(`Harbour Board ${u}`);
  });

  it('repeats within one article are dropped and names that make no slug are ignored', async () => {
    const writer = await makeUser('writer');
    const u = unique('y');
    const article = await create(writer.id, { tags: [`Ferries ${u}`, `ferries ${u}`, '!!!', `Tides ${u}`] });
    expect(await listArticleTagNames(article.id)).toEqual([`Ferries ${u}`, `Tides ${u}`]);
    expect(await ensureTags([])).toEqual([]);
    expect(await ensureTags(['   ', '???'])).toEqual([]);
  });

  it('tags keep the order the editor gave them, not alphabetical order', async () => {
    const writer = await makeUser('writer');
    const u = unique('z');
    const names = [`Zebra ${u}`, `Apple ${u}`, `Mango ${u}`];
    const article = await create(writer.id, { tags: names, sectionId: (await makeSection()).id });
    expect(await listArticleTagNames(article.id)).toEqual(names);
    await published(article.id);
    expect((await getPublishedArticle(article.slug))?.tags.map((t) => t.name)).toEqual(names);
  });

  it('saving replaces the tags, and the article leaves the lists of tags it lost', async () => {
    const writer = await makeUser('writer');
    const u = unique('w');
    const article = await create(writer.id, { tags: [`Old ${u}`, `Kept ${u}`] });
    await published(article.id);
    const oldTag = (await getTagBySlug(slugify(`Old ${u}`, 60)))!;
    expect(await isListedUnderTag(oldTag.id, article.id)).toBe(true);

    const current = (await getArticle(article.id))!;
    const result = await updateArticle(article.id, articleFields({ ...fieldsOf(current), tags: [`New ${u}`, `Kept ${u}`] }), current.version, writer.id);
    expect(result.ok).toBe(true);
    expect(await listArticleTagNames(article.id)).toEqual([`New ${u}`, `Kept ${u}`]);
    expect(await isListedUnderTag(oldTag.id, article.id)).toBe(false);
    // The tag itself stays for other articles.
    expect(await getTagBySlug(oldTag.slug)).not.toBeNull();

    const cleared = await updateArticle(article.id, articleFields({ ...fieldsOf(current), tags: [] }), current.version + 1, writer.id);
    expect(cleared.ok).toBe(true);
    expect(await listArticleTagNames(article.id)).toEqual([]);
  });
});

describe('publishing', () => {
  it('publishing sets the publication time and makes the article public', async () => {
    const writer = await makeUser('writer');
    const section = await makeSection();
    const article = await create(writer.id, { sectionId: section.id, tags: [unique('Port')] });
    expect(article.publishedAt).toBeNull();
    expect(await getPublishedArticle(article.slug)).toBeNull();

    const before = Date.now();
    const result = await publishArticle(article.id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article!.status).toBe('published');
    expect(result.article!.version).toBe(article.version + 1);
    expect(Math.abs(result.article!.publishedAt!.getTime() - before)).toBeLessThan(60_000);

    const page = await getPublishedArticle(article.slug);
    expect(page).toMatchObject({
      id: article.id,
      headline: article.headline,
      bodyHtml: article.bodyHtml,
      section: { name: section.name, slug: section.slug },
      authors: [{ name: writer.name, slug: writer.slug }],
    });
    expect(await isListed(article.id)).toBe(true);
  });

  it('republishing keeps the first publication time', async () => {
    const writer = await makeUser('writer');
    const article = await create(writer.id);
    const first = await publishArticle(article.id, { now: new Date('2024-03-01T09:00:00Z') });
    expect(first.ok && first.article?.publishedAt?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
    await unpublishArticle(article.id);
    const again = await publishArticle(article.id);
    expect(again.ok && again.article?.publishedAt?.toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect((await getPublishedArticle(article.slug))?.publishedAt.toISOString()).toBe('2024-03-01T09:00:00.000Z');
  });

  it('unpublishing takes the article off its page, the latest list and its tag list', async () => {
    const writer = await makeUser('writer');
    const tagName = unique('Lifeboat');
    const article = await create(writer.id, { tags: [tagName] });
    await published(article.id);
    const tag = (await getTagBySlug(slugify(tagName, 60)))!;
    expect(await getPublishedArticle(article.slug)).not.toBeNull();
    expect(await isListed(article.id)).toBe(true);
    expect(await isListedUnderTag(tag.id, article.id)).toBe(true);

    const result = await unpublishArticle(article.id);
    expect(result.ok && result.article?.status).toBe('unpublished');
    expect(await getPublishedArticle(article.slug)).toBeNull();
    expect(await isListed(article.id)).toBe(false);
    expect(await isListedUnderTag(tag.id, article.id)).toBe(false);
  });

  it('an article scheduled for a time still to come is not public yet, on its page or in any list', async () => {
    const writer = await makeUser('writer');
    const tagName = unique('Embargo');
    const article = await create(writer.id, { tags: [tagName] });
    const future = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const result = await transitionArticle({ id: article.id, action: 'schedule', actor: await editor(), publishAt: future });
    expect(result.ok && result.article?.status).toBe('scheduled');
    const tag = (await getTagBySlug(slugify(tagName, 60)))!;
    expect(await getPublishedArticle(article.slug)).toBeNull();
    expect(await isListed(article.id)).toBe(false);
    expect(await isListedUnderTag(tag.id, article.id)).toBe(false);
  });

  it('an article published with a clock ahead of the database is not public before its time either', async () => {
    const writer = await makeUser('writer');
    const article = await create(writer.id);
    const result = await publishArticle(article.id, { now: new Date(Date.now() + 60 * 60 * 1000) });
    expect(result.ok && result.article?.status).toBe('published');
    expect(await getPublishedArticle(article.slug)).toBeNull();
    expect(await isListed(article.id)).toBe(false);
  });

  it('an article backdated to a past time is public, under that date', async () => {
    const writer = await makeUser('writer');
    const article = await makeArticle(writer.id, {}, { publish: new Date('2023-11-05T08:30:00Z') });
    expect((await getPublishedArticle(article.slug))?.publishedAt.toISOString()).toBe('2023-11-05T08:30:00.000Z');
  });

  it('the latest list puts the newest publication first', async () => {
    const writer = await makeUser('writer');
    const older = await makeArticle(writer.id, {}, { publish: new Date(Date.now() - 120_000) });
    const newer = await makeArticle(writer.id, {}, { publish: new Date(Date.now() - 60_000) });
    const ids = (await listPublishedArticles({ limit: 200 })).map((a) => a.id);
    expect(ids.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
  });

  it('publishing on an old version is a conflict and changes nothing', async () => {
    const writer = await makeUser('writer');
    const article = await create(writer.id);
    await updateArticle(article.id, articleFields(fieldsOf(article)), article.version, writer.id);
    expect(await publishArticle(article.id, { baseVersion: article.version })).toEqual({ ok: false, reason: 'conflict' });
    expect(await getArticle(article.id)).toMatchObject({ status: 'draft', publishedAt: null, version: article.version + 1 });
  });

  it('publishing or unpublishing an article that does not exist is not found', async () => {
    expect(await publishArticle(randomUUID())).toEqual({ ok: false, reason: 'not_found' });
    expect(await unpublishArticle(randomUUID())).toEqual({ ok: false, reason: 'not_found' });
  });
});

describe('the newsroom list', () => {
  it('shows writers only their own articles and editors and admins everything', async () => {
    const alice = await makeUser('writer');
    const bob = await makeUser('writer');
    const editor = await makeUser('editor');
    const admin = await makeUser('admin');
    const aliceDraft = await create(alice.id);
    const alicePublished = await makeArticle(alice.id, {}, { publish: true });
    const bobDraft = await create(bob.id);

    const ids = async (viewer: { id: string; role: 'writer' | 'editor' | 'admin' }) => (await listDashboardArticles(viewer, { limit: 500 })).map((a) => a.id);
    expect((await ids(alice)).sort()).toEqual([aliceDraft.id, alicePublished.id].sort());
    expect(await ids(bob)).toEqual([bobDraft.id]);
    for (const viewer of [editor, admin]) expect(await ids(viewer)).toEqual(expect.arrayContaining([aliceDraft.id, alicePublished.id, bobDraft.id]));
  });

  it('lists the most recently changed article first, with its author and section', async () => {
    const writer = await makeUser('writer');
    const section = await makeSection();
    const first = await create(writer.id, { sectionId: section.id });
    const second = await create(writer.id, { sectionId: null });
    await updateArticle(first.id, articleFields({ ...fieldsOf(first), headline: 'Touched last' }), first.version, writer.id);
    const rows = await listDashboardArticles(writer);
    expect(rows.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(rows[0]).toMatchObject({ headline: 'Touched last', authorName: writer.name, sectionName: section.name, status: 'draft' });
    expect(rows[1].sectionName).toBeNull();
  });
});
