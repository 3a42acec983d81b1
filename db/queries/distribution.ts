import { and, asc, count, desc, eq, exists, gte, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db } from '../client';
import { articleAuthors, articles, articleTags, sections, tags, users } from '../schema';
import { creditedArticleIds, creditedTo, isPublic, summaryColumns, toSummaries, withPublicJoins, type PublicArticleSummary } from './articles';

/**
 * What feeds and sitemaps read. Everything goes through `isPublic`, so no
 * draft, scheduled-but-not-yet-due, unpublished or trashed article can appear.
 */

/** When readers last saw the article change: its publication, or a later correction or edit. */
const lastChanged = sql<Date>`greatest(${articles.publishedAt}, ${articles.modifiedAt})`;

// ---------------------------------------------------------------- feeds

export interface FeedArticle extends PublicArticleSummary {
  bodyHtml: string;
  /** The start of the plain text, for a description when there is no dek. */
  textStart: string;
  leadImageCaption: string;
  leadImageCredit: string;
  /** Tag names, in the article's order. */
  tags: string[];
}

export interface FeedScope {
  sectionId?: string;
  tagId?: string;
  authorId?: string;
}

function scopeFilter(scope: FeedScope): SQL {
  return and(
    isPublic,
    scope.sectionId ? eq(articles.sectionId, scope.sectionId) : undefined,
    scope.tagId ? exists(db.select({ one: sql`1` }).from(articleTags).where(and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, scope.tagId)))) : undefined,
    scope.authorId ? creditedTo(scope.authorId) : undefined,
  )!;
}

/** The newest public articles of the whole site, a section, a tag or a person, with their full text. */
export async function listFeedArticles(scope: FeedScope = {}, limit = 30): Promise<FeedArticle[]> {
  // The ids first: ordering the wide rows would read every article's text before the limit applies.
  const { authorId, ...rest } = scope;
  const newest = db
    .select({ id: articles.id })
    .from(articles)
    // A person's credits are merged from two indexes (creditedArticleIds); `creditedTo` in one `or` would read every article.
    .where(and(scopeFilter(rest), authorId ? sql`${articles.id} in ${creditedArticleIds(authorId, limit)}` : undefined))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .as('newest');
  const rows = await withPublicJoins(
    db
      .select({
        ...summaryColumns,
        bodyHtml: articles.bodyHtml,
        textStart: sql<string>`left(${articles.bodyText}, 600)`,
        leadImageCaption: articles.leadImageCaption,
        leadImageCredit: articles.leadImageCredit,
      })
      .from(articles)
      .innerJoin(newest, eq(newest.id, articles.id))
      .$dynamic(),
  ).orderBy(desc(articles.publishedAt), desc(articles.id));
  const [summaries, tagNames] = await Promise.all([toSummaries(rows), tagsOf(rows.map((r) => r.id))]);
  return summaries.map((summary, i) => ({
    ...summary,
    bodyHtml: rows[i].bodyHtml,
    textStart: rows[i].textStart,
    leadImageCaption: rows[i].leadImageCaption,
    leadImageCredit: rows[i].leadImageCredit,
    tags: tagNames.get(summary.id) ?? [],
  }));
}

async function tagsOf(articleIds: string[]): Promise<Map<string, string[]>> {
  const byArticle = new Map<string, string[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select({ articleId: articleTags.articleId, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(inArray(articleTags.articleId, articleIds))
    .orderBy(asc(articleTags.articleId), asc(articleTags.position));
  for (const { articleId, name } of rows) byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), name]);
  return byArticle;
}

/** Whether anything public falls under the scope: a tag used only on drafts has no feed (its name would leak). */
export async function hasPublicArticles(scope: FeedScope): Promise<boolean> {
  const [row] = await db.select({ one: sql`1` }).from(articles).where(scopeFilter(scope)).limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------- sitemaps

export interface SitemapEntry {
  /** A path on the reader's site ("/articles/…"). */
  path: string;
  lastmod: Date | null;
}

/**
 * The listing pages worth crawling, with the time their newest article changed:
 * the home page, then each section, tag and author with at least one public
 * article. Far fewer than the articles, so read whole.
 */
export async function listSitemapPages(paths: { section: (slug: string) => string; tag: (slug: string) => string; author: (slug: string) => string }): Promise<SitemapEntry[]> {
  // Each list is aggregated by id first and named after: grouping the joined rows costs twice as much.
  const newestBy = <T extends AnyPgColumn>(key: T, from: 'articles' | 'tags' | 'bylines') => {
    const base = db.select({ key: sql<string>`${key}`.as('key'), lastmod: sql<Date>`max(${lastChanged})`.as('lastmod') });
    const joined =
      from === 'tags'
        ? base.from(articleTags).innerJoin(articles, and(eq(articles.id, articleTags.articleId), isPublic))
        : from === 'bylines'
          ? base.from(articleAuthors).innerJoin(articles, and(eq(articles.id, articleAuthors.articleId), isPublic))
          : // Owners are credited only where no byline was set.
            base.from(articles).where(and(isPublic, notExists(db.select({ one: sql`1` }).from(articleAuthors).where(eq(articleAuthors.articleId, articles.id)))));
    return joined.groupBy(key).as(`newest_by_${from}`);
  };
  const byTag = newestBy(articleTags.tagId, 'tags');
  const byByline = newestBy(articleAuthors.userId, 'bylines');
  const byOwner = newestBy(articles.authorId, 'articles');

  const [[home], sectionRows, tagRows, bylineRows, ownerRows] = await Promise.all([
    db.select({
      lastmod: sql<Date>`greatest(
        (select max(a.published_at) from ${articles} as a where a.status in ('published', 'scheduled') and a.published_at <= now()),
        (select max(a.modified_at) from ${articles} as a where a.status in ('published', 'scheduled') and a.published_at <= now() and a.modified_at is not null))`,
    }).from(sql`(select 1) as one`),
    // A section's newest change: its newest publication (one step down
    // articles_section_public_idx) or a later correction or edit, of which there are few.
    db
      .execute<{ slug: string; lastmod: unknown }>(
        sql`select * from (select s.slug, s.position, greatest(
          (select max(a.published_at) from ${articles} as a where a.section_id = s.id and a.status in ('published', 'scheduled') and a.published_at <= now()),
          (select max(a.modified_at) from ${articles} as a where a.section_id = s.id and a.status in ('published', 'scheduled') and a.published_at <= now() and a.modified_at is not null)
        ) as lastmod from ${sections} as s) as listed where lastmod is not null order by position, slug`,
      )
      .then((r) => r.rows),
    db.select({ slug: tags.slug, lastmod: byTag.lastmod }).from(tags).innerJoin(byTag, eq(byTag.key, tags.id)).orderBy(asc(tags.slug)),
    // People are credited by their bylines, or as the owner of an article with none.
    db.select({ slug: users.slug, lastmod: byByline.lastmod }).from(users).innerJoin(byByline, eq(byByline.key, users.id)),
    db.select({ slug: users.slug, lastmod: byOwner.lastmod }).from(users).innerJoin(byOwner, eq(byOwner.key, users.id)),
  ]);
  const authors = new Map<string, Date>();
  for (const row of [...bylineRows, ...ownerRows]) {
    const date = toDate(row.lastmod);
    const seen = authors.get(row.slug);
    if (date && (!seen || date > seen)) authors.set(row.slug, date);
  }
  return [
    { path: '/', lastmod: toDate(home?.lastmod) },
    ...sectionRows.map((r) => ({ path: paths.section(r.slug), lastmod: toDate(r.lastmod) })),
    ...tagRows.map((r) => ({ path: paths.tag(r.slug), lastmod: toDate(r.lastmod) })),
    ...[...authors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([slug, lastmod]) => ({ path: paths.author(slug), lastmod })),
  ];
}

// Aggregates over expressions come back from the driver as strings.
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

export async function countPublicArticles(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(isPublic);
  return row.n;
}

/**
 * Public articles in publication order, oldest first: a new article lands in
 * the last sitemap and the earlier files stay as crawlers last read them.
 */
export async function listSitemapArticles(options: { offset: number; limit: number }): Promise<{ slug: string; lastmod: Date | null }[]> {
  if (options.limit <= 0) return [];
  // Keyset: the first article of the file is found on the index alone, and the
  // file read from there, rather than reading and dropping every earlier row.
  const from = sql`(select first.published_at, first.id from ${articles} as first
    where first.status in ('published', 'scheduled') and first.published_at <= now()
    order by first.published_at asc, first.id asc offset ${Math.max(0, options.offset)} limit 1)`;
  const rows = await db
    .select({ slug: articles.slug, lastmod: lastChanged })
    .from(articles)
    .where(and(isPublic, sql`(${articles.publishedAt}, ${articles.id}) >= ${from}`))
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .limit(options.limit);
  return rows.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
}

/**
 * The newest change among the articles of each sitemap file, in one pass:
 * article number i (oldest first) is entry `leading + i` of the whole list,
 * in file floor((leading + i) / size), counting from 0.
 */
export async function listArticleChunkLastmods(leading: number, size: number): Promise<Map<number, Date>> {
  // A file's newest change is its last article's publication or a later
  // correction or edit among its articles; those are few (articles_modified_public_idx).
  // So: the last article of each file, found on the index alone, then the
  // corrected articles, instead of numbering every public article.
  const total = await countPublicArticles();
  const lastmods = new Map<number, Date>();
  if (total === 0) return lastmods;
  const firstChunk = Math.floor(leading / size);
  const lastChunk = Math.floor((leading + total - 1) / size);
  const ends: number[] = [];
  for (let chunk = firstChunk; chunk <= lastChunk; chunk++) ends.push(Math.min(total, (chunk + 1) * size - leading) - 1);
  // Publication times to the microsecond, as text, so JavaScript compares them exactly.
  const micros = sql<string>`(extract(epoch from ${articles.publishedAt}) * 1000000)::bigint::text`;
  const nth = (n: number) =>
    // From whichever end is nearer: the index is read, not the rows.
    db
      .select({ at: articles.publishedAt, micros, id: articles.id })
      .from(articles)
      .where(isPublic)
      .orderBy(...(n < total / 2 ? [asc(articles.publishedAt), asc(articles.id)] : [desc(articles.publishedAt), desc(articles.id)]))
      .offset(n < total / 2 ? n : total - 1 - n)
      .limit(1)
      .then((rows) => rows[0]);
  const [lasts, corrected] = await Promise.all([
    Promise.all(ends.map(nth)),
    db
      .select({ micros, id: articles.id, modifiedAt: articles.modifiedAt })
      .from(articles)
      .where(and(isPublic, sql`${articles.modifiedAt} is not null`, sql`${articles.modifiedAt} > ${articles.publishedAt}`)),
  ]);
  const key = (row: { micros: string; id: string }) => [BigInt(row.micros), row.id] as const;
  const notAfter = (a: readonly [bigint, string], b: readonly [bigint, string]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
  lasts.forEach((last, i) => {
    const date = toDate(last?.at);
    if (date) lastmods.set(firstChunk + i, date);
  });
  for (const row of corrected) {
    // The file holding the row: the first whose last article is not before it (uuids compare as their text).
    const i = lasts.findIndex((last) => last && notAfter(key(row), key(last)));
    const date = toDate(row.modifiedAt);
    if (i < 0 || !date) continue;
    const seen = lastmods.get(firstChunk + i);
    if (!seen || date > seen) lastmods.set(firstChunk + i, date);
  }
  return lastmods;
}

/** Articles published since `since` (Google News: the last 48 hours), newest first. */
export async function listRecentArticles(since: Date, limit: number): Promise<{ slug: string; headline: string; publishedAt: Date }[]> {
  const rows = await db
    .select({ slug: articles.slug, headline: articles.headline, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isPublic, gte(articles.publishedAt, since)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt! }));
}
