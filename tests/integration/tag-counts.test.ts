import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { countPublishedArticles, listPublishedArticles, listRelatedArticles, updateArticle } from '@/db/queries/articles';
import { listSitemapPages } from '@/db/queries/distribution';
import type { StaffMember } from '@/db/queries/people';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { publishDueArticles, transitionArticle } from '@/db/queries/workflow';
import { articles } from '@/db/schema';
import { slugify } from '@/lib/slug';
import { articleFields, makeArticle, makeSection, makeUser, unique } from '../helpers/factories';

/**
 * tags.live_article_count and article_tags.live_published_at are kept by
 * triggers (drizzle/0005_tag_live_counts.sql); the tag page's count, the
 * sitemap's list of tags and related stories read them. Each step below checks
 * the stored values against a count made from the articles themselves, and the
 * readers' count against the tag's list.
 */

const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR);
const paths = { section: (s: string) => `/sections/${s}`, tag: (s: string) => `/tags/${s}`, author: (s: string) => `/authors/${s}` };

let writer: StaffMember;
let editor: StaffMember;
let admin: StaffMember;
beforeAll(async () => {
  [writer, editor, admin] = await Promise.all([makeUser('writer'), makeUser('editor'), makeUser('admin')]);
});

const tagId = async (name: string) => (await getTagBySlug(slugify(name)))!.id;

/** The stored values, and the same recounted from the articles (live: published or scheduled). */
async function stored(name: string) {
  const id = await tagId(name);
  const { rows } = await db.execute<{ kept: number; recounted: number; stale_taggings: number }>(sql`select
    (select live_article_count from tags where id = ${id}) as kept,
    (select count(*)::int from article_tags at join articles a on a.id = at.article_id
      where at.tag_id = ${id} and a.status in ('published', 'scheduled') and a.published_at is not null) as recounted,
    (select count(*)::int from article_tags at join articles a on a.id = at.article_id where at.tag_id = ${id}
      and at.live_published_at is distinct from (case when a.status in ('published', 'scheduled') then a.published_at end)) as stale_taggings`);
  return rows[0];
}

/** Checks the tag's kept values, and gives what readers see: its count, its list, whether the sitemap lists it. */
async function seen(name: string) {
  const s = await stored(name);
  expect(s.kept).toBe(s.recounted);
  expect(s.stale_taggings).toBe(0);
  const id = await tagId(name);
  const [count, list, pages] = await Promise.all([countPublishedArticles({ tagId: id }), listPublishedArticles({ tagId: id, limit: 100 }), listSitemapPages(paths)]);
  expect(count).toBe(list.length);
  return { count, live: s.kept, listed: pages.some((p) => p.path === paths.tag(slugify(name))) };
}

async function move(id: string, action: 'publish' | 'unpublish' | 'schedule' | 'unschedule' | 'trash' | 'submit', publishAt?: Date, now?: Date) {
  const result = await transitionArticle({ id, action, actor: editor, publishAt, now });
  expect(result.ok).toBe(true);
  return result.ok ? result.article! : null!;
}

async function retag(id: string, tags: string[]) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  const result = await updateArticle(id, articleFields({ headline: row.headline, slug: row.slug, sectionId: row.sectionId, tags }), row.version, writer.id);
  expect(result.ok).toBe(true);
}

describe('tag counts kept by the database', () => {
  it('follow publishing, unpublishing, tags added and removed, trash and deletion', async () => {
    const [a, b, c] = [unique('Lighthouse'), unique('Keeper'), unique('Lamp')];
    const story = await makeArticle(writer.id, { tags: [a, b] });
    expect(await seen(a)).toEqual({ count: 0, live: 0, listed: false });

    await move(story.id, 'publish');
    expect(await seen(a)).toEqual({ count: 1, live: 1, listed: true });
    expect(await seen(b)).toEqual({ count: 1, live: 1, listed: true });

    const other = await makeArticle(writer.id, { tags: [a] }, { publish: hoursAgo(3) });
    expect((await seen(a)).count).toBe(2);

    // Tags changed on a published article: one removed, one added, one kept.
    await retag(story.id, [b, c]);
    expect(await seen(a)).toEqual({ count: 1, live: 1, listed: true });
    expect(await seen(b)).toEqual({ count: 1, live: 1, listed: true });
    expect(await seen(c)).toEqual({ count: 1, live: 1, listed: true });

    await move(story.id, 'unpublish');
    expect(await seen(b)).toEqual({ count: 0, live: 0, listed: false });
    expect(await seen(c)).toEqual({ count: 0, live: 0, listed: false });
    // Tags changed on an unpublished article count for nothing.
    await retag(story.id, [a, b, c]);
    expect((await seen(a)).count).toBe(1);

    await move(story.id, 'publish');
    expect(await seen(a)).toEqual({ count: 2, live: 2, listed: true });
    await move(story.id, 'unpublish');
    await move(story.id, 'trash');
    expect((await seen(a)).count).toBe(1);
    expect((await transitionArticle({ id: story.id, action: 'purge', actor: admin })).ok).toBe(true);
    expect((await seen(a)).count).toBe(1);

    // The app only deletes trashed articles; a published one deleted behind its back takes its taggings' counts with it.
    await db.delete(articles).where(eq(articles.id, other.id));
    expect(await seen(a)).toEqual({ count: 0, live: 0, listed: false });
  });

  it('a scheduled article counts when its time comes, before and after the scheduler publishes it', async () => {
    const [later, due] = [unique('Regatta'), unique('Tide')];
    const future = await makeArticle(writer.id, { tags: [later, due] });
    await move(future.id, 'schedule', new Date(Date.now() + 24 * HOUR));
    // Live, but not public: readers' count and the sitemap leave it out.
    expect(await seen(later)).toEqual({ count: 0, live: 1, listed: false });

    // Rescheduled to a time that has already come (the clock the move is made by was earlier).
    const at = hoursAgo(1);
    await move(future.id, 'schedule', at, new Date(at.getTime() - 60_000));
    expect(await seen(due)).toEqual({ count: 1, live: 1, listed: true });

    const published = await publishDueArticles();
    expect(published.map((p) => p.id)).toContain(future.id);
    expect(await seen(due)).toEqual({ count: 1, live: 1, listed: true });

    // Unscheduling a schedule still to come takes it off again.
    const next = await makeArticle(writer.id, { tags: [later] });
    await move(next.id, 'schedule', new Date(Date.now() + 2 * HOUR));
    expect(await seen(later)).toEqual({ count: 1, live: 2, listed: true });
    await move(next.id, 'unschedule');
    expect(await seen(later)).toEqual({ count: 1, live: 1, listed: true });
  });

  it('a tag with only articles still to come, or only drafts, is not listed and counts nothing', async () => {
    const name = unique('Harbourmaster');
    const draft = await makeArticle(writer.id, { tags: [name] });
    await move(draft.id, 'submit');
    expect(await seen(name)).toEqual({ count: 0, live: 0, listed: false });
    const scheduled = await makeArticle(writer.id, { tags: [name] });
    await move(scheduled.id, 'schedule', new Date(Date.now() + 3 * HOUR));
    expect(await seen(name)).toEqual({ count: 0, live: 1, listed: false });
  });
});

describe('related stories on the kept publication times', () => {
  it('take a tag’s newest public articles, follow a new publication time, and leave out one scheduled for later', async () => {
    const section = await makeSection();
    const [t1, t2] = [unique('Ferry'), unique('Pier')];
    const self = await makeArticle(writer.id, { sectionId: section.id, tags: [t1, t2] }, { publish: hoursAgo(1) });
    const both = await makeArticle(writer.id, { tags: [t1, t2] }, { publish: hoursAgo(40) });
    const one = await makeArticle(writer.id, { tags: [t1] }, { publish: hoursAgo(5) });
    const later = await makeArticle(writer.id, { tags: [t1, t2] });
    await move(later.id, 'schedule', new Date(Date.now() + 5 * HOUR));
    const ids = async () =>
      (await listRelatedArticles({ id: self.id, sectionId: section.id, tagIds: await Promise.all([tagId(t1), tagId(t2)]) }, 5)).map((a) => a.id);
    expect(await ids()).toEqual([both.id, one.id]);
    // Its time comes: it shares both tags and is newer than `both`.
    const at = hoursAgo(2);
    await move(later.id, 'schedule', at, new Date(at.getTime() - 60_000));
    expect(await ids()).toEqual([later.id, both.id, one.id]);
  });

  it('a story without a section does not outrank one from the article’s own section', async () => {
    const section = await makeSection();
    const tag = unique('Quay');
    const self = await makeArticle(writer.id, { sectionId: section.id, tags: [tag] }, { publish: hoursAgo(1) });
    const sameSection = await makeArticle(writer.id, { sectionId: section.id, tags: [tag] }, { publish: hoursAgo(6) });
    const noSection = await makeArticle(writer.id, { tags: [tag] }, { publish: hoursAgo(2) });
    const related = await listRelatedArticles({ id: self.id, sectionId: section.id, tagIds: [await tagId(tag)] }, 5);
    expect(related.map((a) => a.id)).toEqual([sameSection.id, noSection.id]);
  });
});
