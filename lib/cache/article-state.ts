import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { articleAuthors, articles, articleTags, tags } from '@/db/schema';
import { articleChangeTags, invalidateTags, isReaderVisible, type ArticleCacheState } from './tags';

/**
 * The reader-facing state of articles (slug, status, section, tags, bylines),
 * read before and after a change to know which cached pages it touches. A
 * read of its own, at the cache's layer, so the query modules stay as they are.
 */
export async function readArticleStates(ids: string[]): Promise<Map<string, ArticleCacheState>> {
  const unique = [...new Set(ids)];
  const states = new Map<string, ArticleCacheState>();
  if (unique.length === 0) return states;
  const [rows, tagRows, authorRows] = await Promise.all([
    db
      .select({ id: articles.id, slug: articles.slug, status: articles.status, publishedAt: articles.publishedAt, sectionId: articles.sectionId, authorId: articles.authorId })
      .from(articles)
      .where(inArray(articles.id, unique)),
    db
      .select({ articleId: articleTags.articleId, id: tags.id, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(inArray(articleTags.articleId, unique))
      .orderBy(asc(articleTags.position)),
    db.select({ articleId: articleAuthors.articleId, userId: articleAuthors.userId }).from(articleAuthors).where(inArray(articleAuthors.articleId, unique)),
  ]);
  for (const row of rows) {
    states.set(row.id, {
      id: row.id,
      slug: row.slug,
      status: row.status,
      publishedAt: row.publishedAt,
      sectionId: row.sectionId,
      tags: tagRows.filter((t) => t.articleId === row.id).map(({ id, slug }) => ({ id, slug })),
      authorIds: [...new Set([row.authorId, ...authorRows.filter((a) => a.articleId === row.id).map((a) => a.userId)])],
    });
  }
  return states;
}

export async function readArticleState(id: string): Promise<ArticleCacheState | null> {
  return (await readArticleStates([id])).get(id) ?? null;
}

/**
 * Runs a change to one article and invalidates every cached page it touches,
 * from the article's state before and after. With `statusUnchanged` (a save, a
 * restored revision), a draft nobody ever read is left alone without a second
 * read: drafts autosave every few seconds. A failed read of the state never
 * fails the change itself.
 */
export async function withArticleInvalidation<T>(id: string, change: () => Promise<T>, options: { statusUnchanged?: boolean } = {}): Promise<T> {
  const before = await readArticleState(id).catch(() => null);
  const result = await change();
  if (options.statusUnchanged && before && !isReaderVisible(before)) return result;
  const after = await readArticleState(id).catch(() => null);
  await invalidateTags(articleChangeTags(before, after));
  return result;
}

/** After the scheduler published these articles: their pages, lists, feeds and sitemaps. */
export async function invalidateArticles(ids: string[]): Promise<void> {
  const states = await readArticleStates(ids);
  await invalidateTags([...states.values()].flatMap((state) => articleChangeTags(state, state)));
}
