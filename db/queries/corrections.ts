import { and, asc, count, desc, eq } from 'drizzle-orm';
import { db } from '../client';
import { articles, corrections, users, type Correction } from '../schema';
import { isPublic } from './articles';
import { recordAudit } from './audit';

export type AddCorrectionResult = { ok: true; correction: Correction } | { ok: false; reason: 'not_found' | 'not_published' };

/**
 * Attaches a dated correction or update note to a published article, in one
 * transaction: the note, the article's "Updated" time that readers see, and
 * the audit entry. Who may do this (editors and admins) is the action's check.
 */
export async function addCorrection(input: { articleId: string; kind: Correction['kind']; body: string; actor: { id: string; name: string } }): Promise<AddCorrectionResult> {
  const { articleId, kind, body, actor } = input;
  return db.transaction(async (tx): Promise<AddCorrectionResult> => {
    const [article] = await tx.select({ id: articles.id, status: articles.status, headline: articles.headline }).from(articles).where(eq(articles.id, articleId)).for('update');
    if (!article || article.status === 'trashed') return { ok: false, reason: 'not_found' };
    if (article.status !== 'published') return { ok: false, reason: 'not_published' };
    const [correction] = await tx.insert(corrections).values({ articleId, kind, body, createdBy: actor.id }).returning();
    // The same now() as the note's own time: one transaction, one clock reading.
    await tx.update(articles).set({ modifiedAt: correction.createdAt }).where(eq(articles.id, articleId));
    await recordAudit({ actor, action: 'article.correction', objectType: 'article', objectId: articleId, detail: { headline: article.headline, kind, correctionId: correction.id } }, tx);
    return { ok: true, correction };
  });
}

export interface CorrectionView {
  id: string;
  kind: Correction['kind'];
  body: string;
  createdAt: Date;
  createdByName: string | null;
}

/** An article's notes, oldest first: the order they are read in at the end of the article. */
export async function listCorrectionsForArticle(articleId: string): Promise<CorrectionView[]> {
  return db
    .select({ id: corrections.id, kind: corrections.kind, body: corrections.body, createdAt: corrections.createdAt, createdByName: users.name })
    .from(corrections)
    .leftJoin(users, eq(users.id, corrections.createdBy))
    .where(eq(corrections.articleId, articleId))
    .orderBy(asc(corrections.createdAt), asc(corrections.id));
}

export interface PublicCorrection {
  id: string;
  kind: Correction['kind'];
  body: string;
  createdAt: Date;
  article: { headline: string; slug: string };
}

/** Every note on an article readers can see, newest first. The publishing rule is the reader queries' own. */
export async function listPublicCorrections(options: { limit?: number; offset?: number } = {}): Promise<PublicCorrection[]> {
  const rows = await db
    .select({ id: corrections.id, kind: corrections.kind, body: corrections.body, createdAt: corrections.createdAt, headline: articles.headline, slug: articles.slug })
    .from(corrections)
    .innerJoin(articles, and(eq(articles.id, corrections.articleId), isPublic))
    .orderBy(desc(corrections.createdAt), desc(corrections.id))
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0);
  return rows.map(({ headline, slug, ...row }) => ({ ...row, article: { headline, slug } }));
}

export async function countPublicCorrections(): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(corrections)
    .innerJoin(articles, and(eq(articles.id, corrections.articleId), isPublic));
  return row.n;
}
