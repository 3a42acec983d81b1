import { and, asc, count, desc, eq, exists, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { db } from '../client';
import { articleAuthors, articles, articleTags, sections, tags, users } from '../schema';
import { creditedArticleIds, creditedTo, isPublic, summaryColumns, taggingsNotYetDue, toSummaries, withPublicJoins, type PublicArticleSummary } from './articles';

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
 * The listing pages worth crawling: the home page, then each section, tag and
 * author with at least one public article. Far fewer than the articles, so read whole.
 *
 * lastmod, the time the page's newest article changed, is given for the home
 * page and the sections: each is one step down an index, plus the few
 * corrected articles. Tags and authors are listed without one: their newest
 * change means joining every tagging or byline to its article (hundreds of
 * milliseconds at 100,000 articles), and a lastmod is optional in a sitemap.
 * The index's lastmod for the file that holds them is unchanged: the home
 * page is in that file, and its lastmod is the newest change of all.
 */
export async function listSitemapPages(paths: { section: (slug: string) => string; tag: (slug: string) => string; author: (slug: string) => string }): Promise<SitemapEntry[]> {
  const publicAs = (a: string) => sql.raw(`${a}.status in ('published', 'scheduled') and ${a}.published_at <= now()`);
  const newestChange = (scope: SQL) => sql`greatest(
    (select max(a.published_at) from ${articles} as a where ${scope} and ${publicAs('a')}),
    (select max(a.modified_at) from ${articles} as a where ${scope} and ${publicAs('a')} and a.modified_at is not null))`;
  const [homeRows, sectionRows, tagRows, authorRows] = await Promise.all([
    db.execute<{ lastmod: unknown }>(sql`select ${newestChange(sql`true`)} as lastmod`).then((r) => r.rows),
    db
      .execute<{ slug: string; lastmod: unknown }>(
        sql`select slug, lastmod from (select s.slug, s.position, ${newestChange(sql`a.section_id = s.id`)} as lastmod from ${sections} as s) as listed
          where lastmod is not null order by position, slug`,
      )
      .then((r) => r.rows),
    // A tag has a public article when it has more live ones (its maintained
    // count, drizzle/0005_tag_live_counts.sql) than live ones not yet due: one
    // read of the tags, and of the few scheduled articles' taggings.
    db
      .execute<{ slug: string }>(
        sql`select t.slug from ${tags} as t left join (select not_due.tag_id, count(*)::int as n from (${taggingsNotYetDue}) as not_due group by not_due.tag_id) as not_due
          on not_due.tag_id = t.id where t.live_article_count > coalesce(not_due.n, 0) order by t.slug`,
      )
      .then((r) => r.rows),
    // People are credited by their bylines, or as the owner of an article with none.
    db
      .execute<{ slug: string }>(
        sql`select u.slug from ${users} as u where exists (
          select 1 from ${articleAuthors} as aa join ${articles} as a on a.id = aa.article_id where aa.user_id = u.id and ${publicAs('a')}
        ) or exists (
          select 1 from ${articles} as a where a.author_id = u.id and ${publicAs('a')}
          and not exists (select 1 from ${articleAuthors} as byline where byline.article_id = a.id)
        )`,
      )
      .then((r) => r.rows.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))),
  ]);
  return [
    { path: '/', lastmod: toDate(homeRows[0]?.lastmod) },
    ...sectionRows.map((r) => ({ path: paths.section(r.slug), lastmod: toDate(r.lastmod) })),
    ...tagRows.map((r) => ({ path: paths.tag(r.slug), lastmod: null })),
    ...authorRows.map((r) => ({ path: paths.author(r.slug), lastmod: null })),
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
 * A place in the public articles' publication order, (published_at, id), as
 * text: the publication time in UTC to the microsecond, then the id. It
 * survives JSON (a cache) and compares exactly in SQL.
 */
export type SitemapCursor = string;

const cursorOf = (a: string) => sql.raw(`to_char(${a}.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ' ' || ${a}.id::text`);

/**
 * Public articles in publication order, oldest first: a new article lands in
 * the last sitemap and the earlier files stay as crawlers last read them.
 * From `after` (the last article of the file before, see listArticleChunks)
 * when it is known, else from the `offset`th.
 */
export async function listSitemapArticles(options: { offset: number; limit: number; after?: SitemapCursor }): Promise<{ slug: string; lastmod: Date | null }[]> {
  if (options.limit <= 0) return [];
  // Keyset: the file is read from its first article rather than reading and
  // dropping every earlier row. Given `after`, one step down the index finds
  // it; given an offset, it is found by walking the index alone that far.
  let from: SQL;
  if (options.after !== undefined) {
    const [at, id] = options.after.split(' ');
    from = sql`(${articles.publishedAt}, ${articles.id}) > (${at}::timestamptz, ${id}::uuid)`;
  } else {
    from = sql`(${articles.publishedAt}, ${articles.id}) >= (select first.published_at, first.id from ${articles} as first
      where first.status in ('published', 'scheduled') and first.published_at <= now()
      order by first.published_at asc, first.id asc offset ${Math.max(0, options.offset)} limit 1)`;
  }
  const rows = await db
    .select({ slug: articles.slug, lastmod: lastChanged })
    .from(articles)
    .where(and(isPublic, from))
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .limit(options.limit);
  return rows.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
}

export interface ArticleChunks {
  /** The newest change among each file's articles, by file (from 0); the last key is the last file. */
  lastmods: Map<number, Date>;
  /** The last article of each full file, by file: where the next file starts (listSitemapArticles' `after`). */
  ends: Map<number, SitemapCursor>;
}

/**
 * The sitemap files' articles: article number i (oldest first) is entry
 * `leading + i` of the whole list, in file floor((leading + i) / size),
 * counting from 0. Every file with articles has a lastmod.
 */
export async function listArticleChunks(leading: number, size: number): Promise<ArticleChunks> {
  // A file's newest change is its last article's publication or a later
  // correction or edit among its articles; those are few (articles_modified_public_idx).
  // So: the last article of each full file, each found `size` steps down the
  // index from the one before (one walk of the index in all, not one from the
  // start per file, and no count), the newest article for the file left
  // partly filled, then the corrected articles.
  const firstChunk = Math.floor(leading / size);
  const firstEnd = size - (leading % size) - 1;
  // Publication times to the microsecond, as text, so JavaScript compares them exactly.
  const micros = (a: string) => sql.raw(`(extract(epoch from ${a}.published_at) * 1000000)::bigint::text`);
  const publicAs = (a: string) => sql.raw(`${a}.status in ('published', 'scheduled') and ${a}.published_at <= now()`);
  type End = { chunk: number; at: unknown; micros: string; id: string; cursor: SitemapCursor };
  const [ends, newest, corrected] = await Promise.all([
    db
      .execute<End>(
        sql`with recursive ends (chunk, published_at, id) as (
          (select ${firstChunk}::int, a.published_at, a.id from ${articles} as a where ${publicAs('a')}
            order by a.published_at, a.id offset ${firstEnd} limit 1)
          union all
          (select ends.chunk + 1, step.published_at, step.id from ends cross join lateral (
            select a.published_at, a.id from ${articles} as a where ${publicAs('a')} and (a.published_at, a.id) > (ends.published_at, ends.id)
            order by a.published_at, a.id offset ${size - 1} limit 1) as step)
        )
        select chunk, published_at as at, ${micros('ends')} as micros, id, ${cursorOf('ends')} as cursor from ends order by chunk`,
      )
      .then((r) => r.rows.map((row) => ({ ...row, chunk: Number(row.chunk) }))),
    db
      .execute<Omit<End, 'chunk' | 'cursor'>>(
        sql`select a.published_at as at, ${micros('a')} as micros, a.id from ${articles} as a where ${publicAs('a')} order by a.published_at desc, a.id desc limit 1`,
      )
      .then((r) => r.rows[0]),
    db
      .select({ micros: sql<string>`(extract(epoch from ${articles.publishedAt}) * 1000000)::bigint::text`, id: articles.id, modifiedAt: articles.modifiedAt })
      .from(articles)
      .where(and(isPublic, sql`${articles.modifiedAt} is not null`, sql`${articles.modifiedAt} > ${articles.publishedAt}`)),
  ]);
  const lastmods = new Map<number, Date>();
  const chunks = { lastmods, ends: new Map(ends.map((end) => [end.chunk, end.cursor])) };
  if (!newest) return chunks;
  const key = (row: { micros: string; id: string }) => [BigInt(row.micros), row.id] as const;
  const notAfter = (a: readonly [bigint, string], b: readonly [bigint, string]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
  const lasts: Omit<End, 'cursor'>[] = [...ends];
  const lastFull = lasts.at(-1);
  // The newest article ends the last file, unless that file is exactly full.
  if (!lastFull || !notAfter(key(newest), key(lastFull))) lasts.push({ ...newest, chunk: (lastFull?.chunk ?? firstChunk - 1) + 1 });
  for (const last of lasts) {
    const date = toDate(last.at);
    if (date) lastmods.set(last.chunk, date);
  }
  for (const row of corrected) {
    // The file holding the row: the first whose last article is not before it (uuids compare as their text).
    const last = lasts.find((l) => notAfter(key(row), key(l)));
    const date = toDate(row.modifiedAt);
    if (!last || !date) continue;
    const seen = lastmods.get(last.chunk);
    if (!seen || date > seen) lastmods.set(last.chunk, date);
  }
  return chunks;
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
