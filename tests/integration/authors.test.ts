import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countPublishedArticlesByAuthor,
  getArticle,
  getPublishedArticle,
  listPublishedArticles,
  listPublishedArticlesByAuthor,
  listPublishedArticlesByTag,
  updateArticle,
} from '@/db/queries/articles';
import { createImage } from '@/db/queries/images';
import { createUser, getPublicAuthor, type StaffMember } from '@/db/queries/people';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { transitionArticle } from '@/db/queries/workflow';
import { slugify } from '@/lib/slug';
import { articleFields, makeArticle, makeUser, unique } from '../helpers/factories';

let ilse: StaffMember;
let ben: StaffMember;
let ruth: StaffMember;
let editor: StaffMember;
beforeAll(async () => {
  [ilse, ben, ruth, editor] = await Promise.all([makeUser('writer'), makeUser('writer'), makeUser('editor'), makeUser('editor')]);
});

const names = (people: StaffMember[]) => people.map((p) => ({ name: p.name, slug: p.slug }));
const HOUR = 3_600_000;

describe('bylines', () => {
  it('an article credits its bylines in the order they were given, on the article page and in lists', async () => {
    const tag = unique('Bylines');
    const article = await makeArticle(ilse.id, { bylines: [ben.id, ilse.id, ruth.id], tags: [tag] }, { publish: true });
    expect((await getPublishedArticle(article.slug))!.authors).toEqual(names([ben, ilse, ruth]));
    const inList = (await listPublishedArticles({ limit: 500 })).find((a) => a.id === article.id);
    expect(inList?.authors).toEqual(names([ben, ilse, ruth]));
    const tagged = await listPublishedArticlesByTag((await getTagBySlug(slugify(tag)))!.id);
    expect(tagged.map((a) => a.authors)).toEqual([names([ben, ilse, ruth])]);
  });

  it('an article without chosen bylines credits the person who created it', async () => {
    const article = await makeArticle(ben.id, {}, { publish: true });
    expect((await getPublishedArticle(article.slug))!.authors).toEqual(names([ben]));
  });

  it('reordering the bylines reorders them for readers', async () => {
    const article = await makeArticle(ilse.id, { bylines: [ilse.id, ben.id] }, { publish: true });
    const current = (await getArticle(article.id))!;
    const result = await updateArticle(article.id, articleFields({ headline: current.headline, slug: current.slug, sectionId: current.sectionId, body: current.body, bylines: [ben.id, ilse.id] }), current.version, editor.id);
    expect(result.ok).toBe(true);
    expect((await getPublishedArticle(article.slug))!.authors).toEqual(names([ben, ilse]));
  });

  it('each article in a list gets its own bylines', async () => {
    const first = await makeArticle(ruth.id, { bylines: [ruth.id] }, { publish: new Date(Date.now() - 2 * HOUR) });
    const second = await makeArticle(ilse.id, { bylines: [ilse.id, ben.id] }, { publish: new Date(Date.now() - HOUR) });
    const listed = await listPublishedArticles({ limit: 500 });
    expect(listed.find((a) => a.id === first.id)?.authors).toEqual(names([ruth]));
    expect(listed.find((a) => a.id === second.id)?.authors).toEqual(names([ilse, ben]));
  });
});

describe('author pages', () => {
  it('a person’s public details are their name, slug, bio and photo; never their email or role', async () => {
    const photo = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#557799' } }).jpeg().toBuffer();
    const image = await createImage({ mimeType: 'image/jpeg', width: 400, height: 400, data: photo, uploadedBy: null });
    const slug = unique('reporter');
    const person = await createUser({ name: 'Morwenna Tregear', email: `${slug}@example.test`, slug, role: 'writer', passwordHash: 'x', bio: 'Morwenna covers the courts.', avatarImageId: image.id });
    const author = await getPublicAuthor(slug);
    expect(author).toEqual({ id: person.id, name: 'Morwenna Tregear', slug, bio: 'Morwenna covers the courts.', avatar: { src: `/media/${image.id}.jpg`, width: 400, height: 400 } });
    expect(author).not.toHaveProperty('email');
    expect(author).not.toHaveProperty('role');
  });

  it('a person without a photo has none, and an unknown slug is nobody', async () => {
    expect((await getPublicAuthor(ilse.slug))!.avatar).toBeNull();
    expect(await getPublicAuthor(unique('nobody'))).toBeNull();
  });

  it('lists only the articles readers can see that credit the person, newest first', async () => {
    const author = await makeUser('writer');
    const older = await makeArticle(author.id, { headline: `Older ${unique()}` }, { publish: new Date(Date.now() - 3 * HOUR) });
    const asSecondByline = await makeArticle(ben.id, { headline: `Shared ${unique()}`, bylines: [ben.id, author.id] }, { publish: new Date(Date.now() - 2 * HOUR) });
    const newest = await makeArticle(author.id, { headline: `Newest ${unique()}` }, { publish: new Date(Date.now() - HOUR) });
    // None of these may appear: a draft, an unpublished article, one scheduled for later,
    // and one the person owns but that credits someone else.
    await makeArticle(author.id, { headline: `Draft ${unique()}` });
    const withdrawn = await makeArticle(author.id, { headline: `Withdrawn ${unique()}` }, { publish: true });
    await transitionArticle({ id: withdrawn.id, action: 'unpublish', actor: editor });
    const scheduled = await makeArticle(author.id, { headline: `Scheduled ${unique()}` });
    const schedule = await transitionArticle({ id: scheduled.id, action: 'schedule', actor: editor, publishAt: new Date(Date.now() + 400 * 24 * HOUR) });
    expect(schedule.ok).toBe(true);
    await makeArticle(author.id, { headline: `Ghost-written ${unique()}`, bylines: [ruth.id] }, { publish: true });

    const listed = await listPublishedArticlesByAuthor(author.id);
    expect(listed.map((a) => a.headline)).toEqual([newest.headline, asSecondByline.headline, older.headline]);
    expect(listed[1].authors).toEqual([
      { name: ben.name, slug: ben.slug },
      { name: author.name, slug: author.slug },
    ]);
    expect(await countPublishedArticlesByAuthor(author.id)).toBe(3);
  });

  it('pages through a person’s articles without overlap', async () => {
    const author = await makeUser('writer');
    for (let i = 0; i < 5; i++) await makeArticle(author.id, { headline: `Story ${i} ${unique()}` }, { publish: new Date(Date.now() - (10 - i) * HOUR) });
    const first = await listPublishedArticlesByAuthor(author.id, { limit: 2 });
    const second = await listPublishedArticlesByAuthor(author.id, { limit: 2, offset: 2 });
    const third = await listPublishedArticlesByAuthor(author.id, { limit: 2, offset: 4 });
    expect([...first, ...second, ...third].map((a) => a.headline.split(' ')[1])).toEqual(['4', '3', '2', '1', '0']);
  });

  it('a person with nothing published has no articles listed', async () => {
    const author = await makeUser('writer');
    await makeArticle(author.id);
    expect(await listPublishedArticlesByAuthor(author.id)).toEqual([]);
    expect(await countPublishedArticlesByAuthor(author.id)).toBe(0);
  });
});
