import { and, asc, count, desc, eq, exists, inArray, lte, ne, notExists, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { JSONContent } from '@tiptap/core';
import { mediaUrl } from '@/lib/media';
import { db } from '../client';
import { articleAuthors, articleRow, articles, articleTags, images, sections, tags, users, type Article, type ArticleStatus, type Role } from '../schema';
import { createRevision, shouldSnapshot } from './revisions';
import { ensureTags } from './taxonomy';

/**
 * The publishing rule, in one place: readers see published articles, and
 * scheduled ones whose time has come (even before the scheduler has run),
 * never anything earlier.
 */
export const isPublic: SQL = and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, sql`now()`))!;

export interface ArticleFields {
  headline: string;
  dek: string;
  slug: string;
  /** When the slug was made from the headline, a taken slug gets a number instead of an error. */
  slugAuto: boolean;
  sectionId: string | null;
  tags: string[];
  leadImageId: string | null;
  leadImageCaption: string;
  leadImageCredit: string;
  leadImageAlt: string;
  body: JSONContent;
  bodyHtml: string;
  bodyText: string;
  wordCount: number;
  /** People credited, in order; when left out on an update the bylines stay as they are. */
  bylines?: string[];
}

export type SaveResult =
  | { ok: true; article: Article }
  | { ok: false; reason: 'not_found' | 'forbidden' }
  | { ok: false; reason: 'conflict'; current: Article }
  | { ok: false; reason: 'slug_taken' };

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown, constraint: string) => {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const pgError = e.code ? e : e.cause;
  return pgError?.code === UNIQUE_VIOLATION && pgError.constraint === constraint;
};

/** Tries for a slug made from the headline: two saves can find the same free slug at once. */
const SLUG_ATTEMPTS = 5;

async function freeSlug(base: string, excludeId?: string): Promise<string> {
  const stem = base || 'untitled';
  const rows = await db
    .select({ slug: articles.slug })
    .from(articles)
    .where(and(sql`(${articles.slug} = ${stem} or ${articles.slug} ~ ${`^${stem}-[0-9]+$`})`, excludeId ? ne(articles.id, excludeId) : undefined));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

function columns(fields: ArticleFields) {
  const { tags: _tags, slugAuto: _auto, bylines: _bylines, ...rest } = fields;
  return rest;
}

export async function createArticle(fields: ArticleFields, authorId: string): Promise<SaveResult> {
  // The creator is the owner and the first byline.
  for (let attempt = 1; ; attempt++) {
    const slug = fields.slugAuto ? await freeSlug(fields.slug) : fields.slug;
    try {
      const article = await db.transaction(async (tx) => {
        const [row] = await tx.insert(articles).values({ ...columns(fields), slug, authorId, updatedBy: authorId }).returning(articleRow);
        await replaceTags(tx, row.id, fields.tags);
        await replaceBylines(tx, row.id, fields.bylines?.length ? fields.bylines : [authorId]);
        return row;
      });
      return { ok: true, article };
    } catch (error) {
      if (!isUniqueViolation(error, 'articles_slug_key')) throw error;
      // Another save took the same free slug in the meantime: look again.
      if (!fields.slugAuto || attempt >= SLUG_ATTEMPTS) return { ok: false, reason: 'slug_taken' };
    }
  }
}

/**
 * Saves an edit made on top of `baseVersion`. If anyone saved in between, the
 * save is refused and the current row returned, so the caller can keep both texts.
 */
export async function updateArticle(
  id: string,
  fields: ArticleFields,
  baseVersion: number,
  editorId: string,
  options: {
    overwrite?: boolean;
    /** The caller's rights, checked on the locked row so a status change cannot slip in between. */
    mayEdit?: (row: Article) => 'ok' | 'not_found' | 'forbidden';
  } = {},
): Promise<SaveResult> {
  for (let attempt = 1; ; attempt++) {
    const slug = fields.slugAuto ? await freeSlug(fields.slug, id) : fields.slug;
    try {
      return await db.transaction(async (tx): Promise<SaveResult> => {
        const [before] = await tx.select(articleRow).from(articles).where(eq(articles.id, id)).for('update');
        if (!before || before.status === 'trashed') return { ok: false, reason: 'not_found' };
        const rights = options.mayEdit?.(before) ?? 'ok';
        if (rights !== 'ok') return { ok: false, reason: rights };
        if (before.version !== baseVersion) return { ok: false, reason: 'conflict', current: before };
        // History: the text as it was before someone else's words replace it, and
        // otherwise a snapshot now and then while the text changes.
        const textChanged = before.headline !== fields.headline || before.dek !== fields.dek || before.bodyText !== fields.bodyText;
        if (options.overwrite || (textChanged && before.updatedBy !== null && before.updatedBy !== editorId)) {
          await createRevision(tx, before, 'overwrite', editorId);
        } else if (textChanged && (await shouldSnapshot(tx, id))) {
          await createRevision(tx, before, 'save', before.updatedBy);
        }
        const livePublishedText = (before.status === 'published' || before.status === 'scheduled') && textChanged;
        const [row] = await tx
          .update(articles)
          .set({
            ...columns(fields),
            slug,
            version: sql`${articles.version} + 1`,
            updatedAt: sql`now()`,
            updatedBy: editorId,
            ...(livePublishedText && before.status === 'published' ? { modifiedAt: sql`now()` } : {}),
          })
          .where(eq(articles.id, id))
          .returning(articleRow);
        await replaceTags(tx, id, fields.tags);
        if (fields.bylines) await replaceBylines(tx, id, fields.bylines.length ? fields.bylines : [row.authorId]);
        return { ok: true, article: row };
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'articles_slug_key')) throw error;
      if (!fields.slugAuto || attempt >= SLUG_ATTEMPTS) return { ok: false, reason: 'slug_taken' };
    }
  }
}

async function replaceBylines(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], articleId: string, userIds: string[]) {
  const unique = [...new Set(userIds)];
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  await tx.insert(articleAuthors).values(unique.map((userId, position) => ({ articleId, userId, position })));
}

async function replaceTags(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], articleId: string, names: string[]) {
  const rows = await ensureTags(names, tx);
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (rows.length > 0) {
    await tx.insert(articleTags).values(rows.map((tag, position) => ({ articleId, tagId: tag.id, position })));
  }
}

export async function getArticle(id: string): Promise<Article | null> {
  const [row] = await db.select(articleRow).from(articles).where(eq(articles.id, id)).limit(1);
  return row ?? null;
}

/** Who the article is credited to, in byline order (the owner when none were chosen). */
export async function listArticleBylineIds(article: Pick<Article, 'id' | 'authorId'>): Promise<string[]> {
  const rows = await db
    .select({ userId: articleAuthors.userId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, article.id))
    .orderBy(asc(articleAuthors.position));
  return rows.length ? rows.map((r) => r.userId) : [article.authorId];
}

export async function listArticleTagNames(articleId: string): Promise<string[]> {
  const rows = await db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(articleTags.position));
  return rows.map((r) => r.name);
}

// ---------------------------------------------------------------- dashboard

export interface DashboardArticleRow {
  id: string;
  headline: string;
  slug: string;
  status: ArticleStatus;
  authorName: string;
  authorId: string;
  sectionName: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  wordCount: number;
}

/** The newsroom's list: editors and admins see every article, writers their own. */
export async function listDashboardArticles(viewer: { id: string; role: Role }, options: { status?: ArticleStatus; limit?: number; offset?: number } = {}): Promise<DashboardArticleRow[]> {
  return db
    .select({
      id: articles.id,
      headline: articles.headline,
      slug: articles.slug,
      status: articles.status,
      authorName: users.name,
      authorId: articles.authorId,
      sectionName: sections.name,
      updatedAt: articles.updatedAt,
      publishedAt: articles.publishedAt,
      wordCount: articles.wordCount,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(
      and(
        options.status ? eq(articles.status, options.status) : ne(articles.status, 'trashed'),
        viewer.role === 'writer' ? eq(articles.authorId, viewer.id) : undefined,
      ),
    )
    // Scheduled articles in the order they will go out; everything else by last change.
    .orderBy(options.status === 'scheduled' ? asc(articles.publishedAt) : desc(articles.updatedAt))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
}

// ------------------------------------------------------------------ readers

export interface PublicImage {
  src: string;
  width: number;
  height: number;
}

export interface Byline {
  name: string;
  slug: string;
}

export interface PublicArticleSummary {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: Date;
  updatedAt: Date;
  /** When readers are told the article was updated (a correction, an edit to the published text); null if never. */
  modifiedAt: Date | null;
  section: { name: string; slug: string } | null;
  /** Bylines in print order; the owner when no byline was set. */
  authors: Byline[];
  leadImage: (PublicImage & { alt: string }) | null;
}

export interface PublicArticle extends PublicArticleSummary {
  sectionId: string | null;
  bodyHtml: string;
  wordCount: number;
  leadImageCaption: string;
  leadImageCredit: string;
  tags: { id: string; name: string; slug: string }[];
}

export const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  headline: articles.headline,
  dek: articles.dek,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  modifiedAt: articles.modifiedAt,
  sectionName: sections.name,
  sectionSlug: sections.slug,
  authorName: users.name,
  authorSlug: users.slug,
  imageId: images.id,
  imageMime: images.mimeType,
  imageWidth: images.width,
  imageHeight: images.height,
  imageAlt: articles.leadImageAlt,
  sectionId: articles.sectionId,
};

export type SummaryRow = { [K in keyof typeof summaryColumns]: unknown };

function toSummary(row: SummaryRow): PublicArticleSummary {
  const r = row as {
    id: string; slug: string; headline: string; dek: string; publishedAt: Date; updatedAt: Date; modifiedAt: Date | null;
    sectionName: string | null; sectionSlug: string | null; authorName: string; authorSlug: string;
    imageId: string | null; imageMime: string | null; imageWidth: number | null; imageHeight: number | null; imageAlt: string;
  };
  return {
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    dek: r.dek,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    modifiedAt: r.modifiedAt,
    section: r.sectionName && r.sectionSlug ? { name: r.sectionName, slug: r.sectionSlug } : null,
    authors: [{ name: r.authorName, slug: r.authorSlug }],
    leadImage: r.imageId
      ? { src: mediaUrl({ id: r.imageId, mimeType: r.imageMime! }), width: r.imageWidth!, height: r.imageHeight!, alt: r.imageAlt }
      : null,
  };
}

const publicArticleColumns = {
  ...summaryColumns,
  bodyHtml: articles.bodyHtml,
  wordCount: articles.wordCount,
  leadImageCaption: articles.leadImageCaption,
  leadImageCredit: articles.leadImageCredit,
};

/** Articles with their author, section and lead image: the base of every reader query. */
export function withPublicJoins<T extends PgSelect>(query: T) {
  return query
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(images, eq(images.id, articles.leadImageId));
}

const publicSummaries = () => withPublicJoins(db.select(summaryColumns).from(articles).$dynamic());

/** The bylines of many articles in one query, each list in print order. */
async function bylinesOf(articleIds: string[]): Promise<Map<string, Byline[]>> {
  const byArticle = new Map<string, Byline[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select({ articleId: articleAuthors.articleId, name: users.name, slug: users.slug })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.articleId), asc(articleAuthors.position));
  for (const { articleId, ...byline } of rows) {
    const list = byArticle.get(articleId);
    if (list) list.push(byline);
    else byArticle.set(articleId, [byline]);
  }
  return byArticle;
}

/** Summaries with their bylines: one query for the whole list, not one per article. */
export async function toSummaries(rows: SummaryRow[]): Promise<PublicArticleSummary[]> {
  const summaries = rows.map(toSummary);
  const bylines = await bylinesOf(summaries.map((s) => s.id));
  return summaries.map((summary) => ({ ...summary, authors: bylines.get(summary.id) ?? summary.authors }));
}

/** Articles that credit this person: by byline, or as the owner of an article with no bylines set. */
export function creditedTo(userId: string): SQL {
  const bylines = (where: SQL | undefined) => db.select({ one: sql`1` }).from(articleAuthors).where(where);
  return or(
    exists(bylines(and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, userId)))),
    and(eq(articles.authorId, userId), notExists(bylines(eq(articleAuthors.articleId, articles.id)))),
  )!;
}

export interface PublicListOptions {
  limit?: number;
  offset?: number;
  sectionId?: string;
  tagId?: string;
  /** Articles already shown elsewhere on the page. */
  excludeIds?: string[];
}

function publicFilter(options: PublicListOptions): SQL {
  return and(
    isPublic,
    options.sectionId ? eq(articles.sectionId, options.sectionId) : undefined,
    options.tagId ? exists(db.select({ one: sql`1` }).from(articleTags).where(and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, options.tagId)))) : undefined,
    options.excludeIds?.length ? notInArray(articles.id, options.excludeIds) : undefined,
  )!;
}

/**
 * Public articles, newest first: everything, or one section's, or one tag's.
 * The page of ids first, found on the narrow partial indexes
 * (articles_public_order_idx, articles_section_public_idx) without reading the
 * rows it skips, so a deep page costs little more than the first.
 */
export async function listPublishedArticles(options: PublicListOptions = {}): Promise<PublicArticleSummary[]> {
  const page = db
    .select({ id: articles.id })
    .from(articles)
    .where(publicFilter(options))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0)
    .as('page');
  const rows = await publicSummaries().innerJoin(page, eq(page.id, articles.id)).orderBy(desc(articles.publishedAt), desc(articles.id));
  return toSummaries(rows);
}

export async function countPublishedArticles(options: Pick<PublicListOptions, 'sectionId' | 'tagId'> = {}): Promise<number> {
  if (options.tagId && !options.sectionId) return countTagArticles(options.tagId);
  const [row] = await db.select({ n: count() }).from(articles).where(publicFilter(options));
  return row.n;
}

/**
 * Taggings of live articles whose publication time has not come (scheduled
 * ones): the difference between tags.live_article_count and a tag's public
 * articles. Few, found at the head of articles_public_order_idx.
 */
export const taggingsNotYetDue = sql`select at.tag_id from ${articles} as a join ${articleTags} as at on at.article_id = a.id
  where a.status in ('published', 'scheduled') and a.published_at > now() and at.live_published_at > now()`;

/** A tag's public articles: its count of live ones (kept by drizzle/0005_tag_live_counts.sql) less those not yet due. */
async function countTagArticles(tagId: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`select t.live_article_count - (
      select count(*) from ${articleTags} as at where at.tag_id = t.id and at.live_published_at > now()
    )::int as n from ${tags} as t where t.id = ${tagId}`);
  return rows[0] ? Number(rows[0].n) : 0;
}

export function listPublishedArticlesByTag(tagId: string, options: { limit?: number; offset?: number } = {}): Promise<PublicArticleSummary[]> {
  return listPublishedArticles({ ...options, tagId });
}

/**
 * The newest stories of each section, for the home page's rails: one query
 * for all sections, each section read from its own end of
 * articles_section_public_idx and stopped after `perSection` rows.
 */
export async function listSectionRails(sectionIds: string[], perSection: number, excludeIds: string[] = []): Promise<Map<string, PublicArticleSummary[]>> {
  const rails = new Map<string, PublicArticleSummary[]>(sectionIds.map((id) => [id, []]));
  if (sectionIds.length === 0 || perSection <= 0) return rails;
  const excluded = excludeIds.length ? sql`and ${articles.id} not in (${sql.join(excludeIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const newest = sql`(
    select rail.id from unnest(${sql`array[${sql.join(sectionIds.map((id) => sql`${id}::uuid`), sql`, `)}]`}) as wanted(section_id)
    cross join lateral (
      select ${articles.id} as id from ${articles}
      where ${articles.sectionId} = wanted.section_id and ${isPublic} ${excluded}
      order by ${articles.publishedAt} desc, ${articles.id} desc
      limit ${perSection}
    ) as rail
  )`;
  const rows = await publicSummaries()
    .where(sql`${articles.id} in ${newest}`)
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  const sectionOf = new Map(rows.map((row) => [row.id, row.sectionId as string]));
  for (const summary of await toSummaries(rows)) rails.get(sectionOf.get(summary.id)!)?.push(summary);
  return rails;
}

/**
 * How many of the newest articles of each of the story's tags, and of its
 * section, are considered for "related": the trade-off that keeps the query
 * bounded on a large archive. An older story sharing more tags than any of
 * these newest ones is not offered; readers are shown recent related work.
 */
export const RELATED_CANDIDATES = 200;

/**
 * Stories to read next: those sharing the most tags with this one, then the
 * newest of its section, never the article itself. Chosen among the newest
 * RELATED_CANDIDATES articles of each of its tags and of its section.
 */
export async function listRelatedArticles(article: { id: string; sectionId: string | null; tagIds: string[] }, limit = 3): Promise<PublicArticleSummary[]> {
  if (!article.tagIds.length && !article.sectionId) return [];
  const tagIds = [...new Set(article.tagIds)];
  const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
  // The candidates are chosen on indexes alone, ids and publication times only:
  // a tag's newest public articles from article_tags_tag_live_idx (its taggings
  // carry the article's publication time while it is live, drizzle/0005),
  // the section's from articles_section_public_idx. Only the winners' rows are read.
  const branches: SQL[] = [];
  if (tagIds.length) {
    branches.push(sql`select tagged.* from unnest(${uuidArray(tagIds)}) as wanted(tag_id) cross join lateral (
      select at.article_id as id, at.live_published_at as published_at from ${articleTags} as at
      where at.tag_id = wanted.tag_id and at.live_published_at <= now() and at.article_id <> ${article.id}
      order by at.live_published_at desc, at.article_id desc
      limit ${RELATED_CANDIDATES}
    ) as tagged`);
  }
  const inSection = (a: string) =>
    sql`${sql.raw(a)}.section_id = ${article.sectionId} and ${sql.raw(a)}.status in ('published', 'scheduled') and ${sql.raw(a)}.published_at <= now()`;
  if (article.sectionId) {
    branches.push(sql`select * from (select a.id, a.published_at from ${articles} as a where ${inSection('a')} and a.id <> ${article.id}
      order by a.published_at desc, a.id desc limit ${RELATED_CANDIDATES}) as in_section`);
  }
  // Sort keys only for what the article has (a constant sort key would be read as a column number).
  const order: SQL[] = [];
  if (tagIds.length) order.push(sql`(select count(*) from ${articleTags} where ${articleTags.articleId} = candidate.id and ${articleTags.tagId} = any(${uuidArray(tagIds)})) desc`);
  // Whether a candidate (public, so on articles_section_public_idx if in the section) is in the section, without its row.
  if (article.sectionId) order.push(sql`exists (select 1 from ${articles} as s where ${inSection('s')} and s.published_at = candidate.published_at and s.id = candidate.id) desc`);
  const best = sql`(
    select candidate.id from (select distinct on (id) * from (${sql.join(branches, sql` union all `)}) as candidates) as candidate
    order by ${sql.join([...order, sql`candidate.published_at desc, candidate.id desc`], sql`, `)}
    limit ${limit}
  )`;
  const ids = (await db.execute<{ id: string }>(best)).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await publicSummaries().where(inArray(articles.id, ids));
  rows.sort((a, b) => ids.indexOf(a.id as string) - ids.indexOf(b.id as string));
  return toSummaries(rows);
}

/**
 * The newest `limit` public articles credited to this person, as a subquery of
 * ids: their bylines, and the articles they own that have no bylines, each
 * read newest first from its own index and merged. (`creditedTo` as one `or`
 * would read every public article.)
 */
export function creditedArticleIds(userId: string, limit: number, offset = 0) {
  const byline = sql`exists (select 1 from ${articleAuthors} where ${articleAuthors.articleId} = ${articles.id} and ${articleAuthors.userId} = ${userId})`;
  const noByline = sql`not exists (select 1 from ${articleAuthors} where ${articleAuthors.articleId} = ${articles.id})`;
  const branch = (where: SQL) => sql`(select ${articles.id} as id, ${articles.publishedAt} as published_at from ${articles}
    where ${where} and ${isPublic} order by ${articles.publishedAt} desc, ${articles.id} desc limit ${limit + offset})`;
  return sql`(select credited.id from (${branch(byline)} union all ${branch(sql`${articles.authorId} = ${userId} and ${noByline}`)}) as credited
    order by credited.published_at desc, credited.id desc limit ${limit} offset ${offset})`;
}

/** A person's published articles, newest first, for their author page. */
export async function listPublishedArticlesByAuthor(userId: string, options: { limit?: number; offset?: number } = {}): Promise<PublicArticleSummary[]> {
  const rows = await publicSummaries()
    .where(sql`${articles.id} in ${creditedArticleIds(userId, options.limit ?? 20, options.offset ?? 0)}`)
    .orderBy(desc(articles.publishedAt), desc(articles.id));
  return toSummaries(rows);
}

export async function countPublishedArticlesByAuthor(userId: string): Promise<number> {
  // The two kinds of credit never overlap: an article with bylines does not credit its owner.
  const [bylines, owned] = await Promise.all([
    db.select({ n: count() }).from(articleAuthors).innerJoin(articles, eq(articles.id, articleAuthors.articleId)).where(and(eq(articleAuthors.userId, userId), isPublic)),
    db
      .select({ n: count() })
      .from(articles)
      .where(and(eq(articles.authorId, userId), isPublic, notExists(db.select({ one: sql`1` }).from(articleAuthors).where(eq(articleAuthors.articleId, articles.id))))),
  ]);
  return bylines[0].n + owned[0].n;
}

export async function getPublishedArticle(slug: string): Promise<PublicArticle | null> {
  const [row] = await withPublicJoins(db.select(publicArticleColumns).from(articles).$dynamic())
    .where(and(eq(articles.slug, slug), isPublic))
    .limit(1);
  if (!row) return null;
  const [tagRows, [summary]] = await Promise.all([
    db
      .select({ id: tags.id, name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(asc(articleTags.position)),
    toSummaries([row]),
  ]);
  return {
    ...summary,
    sectionId: row.sectionId as string | null,
    bodyHtml: row.bodyHtml,
    wordCount: row.wordCount,
    leadImageCaption: row.leadImageCaption,
    leadImageCredit: row.leadImageCredit,
    tags: tagRows,
  };
}

/**
 * True when this address once showed a published article that readers can no
 * longer see (unpublished, then perhaps sent back or trashed). Says nothing
 * else about it: a story taken down for legal reasons must not leak its headline.
 */
export async function wasWithdrawn(slug: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(articles)
    .where(and(eq(articles.slug, slug), lte(articles.publishedAt, sql`now()`), notInArray(articles.status, ['published', 'scheduled'])))
    .limit(1);
  return Boolean(row);
}
