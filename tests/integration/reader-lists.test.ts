import { beforeAll, describe, expect, it } from 'vitest';
import { countPublishedArticles, getPublishedArticle, listPublishedArticles, listRelatedArticles, listSectionRails, wasWithdrawn } from '@/db/queries/articles';
import type { StaffMember } from '@/db/queries/people';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { transitionArticle } from '@/db/queries/workflow';
import { readingMinutes } from '@/lib/reading-time';
import { slugify } from '@/lib/slug';
import { makeArticle, makeSection, makeUser, unique } from '../helpers/factories';

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR);

let writer: StaffMember;
let editor: StaffMember;
beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser('writer'), makeUser('editor')]);
});

describe('section and tag lists', () => {
  it('lists and counts only a section’s public articles, newest first, page by page', async () => {
    const section = await makeSection();
    const published = [];
    for (let i = 0; i < 5; i++) published.push(await makeArticle(writer.id, { sectionId: section.id }, { publish: hoursAgo(10 - i) }));
    await makeArticle(writer.id, { sectionId: section.id }); // a draft
    await makeArticle(writer.id, {}, { publish: true }); // another section
    expect(await countPublishedArticles({ sectionId: section.id })).toBe(5);
    const first = await listPublishedArticles({ sectionId: section.id, limit: 3 });
    const second = await listPublishedArticles({ sectionId: section.id, limit: 3, offset: 3 });
    expect([...first, ...second].map((a) => a.id)).toEqual(published.map((a) => a.id).reverse());
  });

  it('counts a tag’s public articles and leaves out drafts and excluded ids', async () => {
    const tag = unique('Quay');
    const a = await makeArticle(writer.id, { tags: [tag] }, { publish: hoursAgo(2) });
    const b = await makeArticle(writer.id, { tags: [tag] }, { publish: hoursAgo(1) });
    await makeArticle(writer.id, { tags: [tag] });
    const tagId = (await getTagBySlug(slugify(tag)))!.id;
    expect(await countPublishedArticles({ tagId })).toBe(2);
    expect((await listPublishedArticles({ tagId })).map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await listPublishedArticles({ tagId, excludeIds: [b.id] })).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('home page rails', () => {
  it('gives each section its newest stories, at most n, without the ones already on the page', async () => {
    const [news, arts, empty] = await Promise.all([makeSection(), makeSection(), makeSection()]);
    const n = [];
    for (let i = 0; i < 4; i++) n.push(await makeArticle(writer.id, { sectionId: news.id }, { publish: hoursAgo(20 - i) }));
    const art = await makeArticle(writer.id, { sectionId: arts.id }, { publish: hoursAgo(3) });
    await makeArticle(writer.id, { sectionId: arts.id }); // draft
    const rails = await listSectionRails([news.id, arts.id, empty.id], 2, [n[3].id]);
    expect(rails.get(news.id)!.map((a) => a.id)).toEqual([n[2].id, n[1].id]);
    expect(rails.get(arts.id)!.map((a) => a.id)).toEqual([art.id]);
    expect(rails.get(empty.id)).toEqual([]);
    expect((await listSectionRails([], 3)).size).toBe(0);
  });
});

describe('related stories', () => {
  it('prefers the most shared tags, then the same section, and never the article itself or a draft', async () => {
    const section = await makeSection();
    const [t1, t2, t3] = [unique('Ferry'), unique('Strike'), unique('Union')];
    const self = await makeArticle(writer.id, { sectionId: section.id, tags: [t1, t2, t3] }, { publish: hoursAgo(1) });
    const oneTag = await makeArticle(writer.id, { tags: [t1] }, { publish: hoursAgo(2) });
    const threeTags = await makeArticle(writer.id, { tags: [t1, t2, t3] }, { publish: hoursAgo(30) });
    const sameSection = await makeArticle(writer.id, { sectionId: section.id }, { publish: hoursAgo(3) });
    await makeArticle(writer.id, { tags: [t1, t2, t3] }); // a draft sharing everything
    const loaded = (await getPublishedArticle(self.slug))!;
    const related = await listRelatedArticles({ id: loaded.id, sectionId: loaded.sectionId, tagIds: loaded.tags.map((t) => t.id) }, 5);
    expect(related.map((a) => a.id)).toEqual([threeTags.id, oneTag.id, sameSection.id]);
  });

  it('an article with no tags gets the newest of its section; one with a section but no tags too', async () => {
    const section = await makeSection();
    const older = await makeArticle(writer.id, { sectionId: section.id }, { publish: hoursAgo(9) });
    const newer = await makeArticle(writer.id, { sectionId: section.id, tags: [unique('Pier')] }, { publish: hoursAgo(8) });
    const self = await makeArticle(writer.id, { sectionId: section.id }, { publish: hoursAgo(1) });
    const related = await listRelatedArticles({ id: self.id, sectionId: section.id, tagIds: [] });
    expect(related.map((a) => a.id)).toEqual([newer.id, older.id]);
    const tagOnly = await listRelatedArticles({ id: self.id, sectionId: null, tagIds: (await getPublishedArticle(newer.slug))!.tags.map((t) => t.id) });
    expect(tagOnly.map((a) => a.id)).toEqual([newer.id]);
  });

  it('finds nothing for an article with no tags and no section', async () => {
    expect(await listRelatedArticles({ id: '00000000-0000-4000-8000-000000000000', sectionId: null, tagIds: [] })).toEqual([]);
  });
});

describe('withdrawn articles', () => {
  it('an unpublished article’s address is known as withdrawn; a draft’s, a future schedule’s or an unknown one is not', async () => {
    const article = await makeArticle(writer.id, {}, { publish: hoursAgo(5) });
    expect(await wasWithdrawn(article.slug)).toBe(false);
    const result = await transitionArticle({ id: article.id, action: 'unpublish', actor: editor });
    expect(result.ok).toBe(true);
    expect(await wasWithdrawn(article.slug)).toBe(true);
    expect(await getPublishedArticle(article.slug)).toBeNull();
    const draft = await makeArticle(writer.id);
    expect(await wasWithdrawn(draft.slug)).toBe(false);
    expect(await wasWithdrawn('no-such-article')).toBe(false);
  });
});

describe('reading time', () => {
  it('is whole minutes at about 230 words a minute, never zero', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(100)).toBe(1);
    expect(readingMinutes(460)).toBe(2);
    expect(readingMinutes(2000)).toBe(9);
  });
});
