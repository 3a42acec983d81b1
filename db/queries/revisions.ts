import { and, desc, eq, sql } from 'drizzle-orm';
import { can } from '@/lib/permissions';
import { renderArticleBody, validateDocument } from '@/lib/rich-text/server';
import { countWords } from '@/lib/rich-text/text';
import { publishProblems } from '@/lib/validation/article';
import { db } from '../client';
import { articleRow, articles, revisions, users, type Article, type Revision } from '../schema';
import { recordAudit, type Executor } from './audit';
import type { Actor } from './workflow';

/** How long typing may go on before a save is worth a revision of its own. */
export const REVISION_INTERVAL_MS = 10 * 60_000;

type RevisionReason = Revision['reason'];

/** Snapshots the article's text as it is in `article`. */
export async function createRevision(executor: Executor, article: Pick<Article, 'id' | 'version' | 'headline' | 'dek' | 'body' | 'bodyText'>, reason: RevisionReason, createdBy: string | null): Promise<Revision> {
  const [row] = await executor
    .insert(revisions)
    .values({ articleId: article.id, articleVersion: article.version, reason, headline: article.headline, dek: article.dek, body: article.body, bodyText: article.bodyText, createdBy })
    .returning();
  return row;
}

/** A save makes a revision when the text changed and the last revision is older than the interval. */
export async function shouldSnapshot(executor: Executor, articleId: string, now = new Date()): Promise<boolean> {
  const [latest] = await executor
    .select({ createdAt: revisions.createdAt })
    .from(revisions)
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.createdAt))
    .limit(1);
  return !latest || now.getTime() - latest.createdAt.getTime() >= REVISION_INTERVAL_MS;
}

export interface RevisionSummary {
  id: string;
  articleVersion: number;
  reason: RevisionReason;
  headline: string;
  createdAt: Date;
  createdByName: string | null;
  words: number;
}

export async function listRevisions(articleId: string): Promise<RevisionSummary[]> {
  const rows = await db
    .select({
      id: revisions.id,
      articleVersion: revisions.articleVersion,
      reason: revisions.reason,
      headline: revisions.headline,
      createdAt: revisions.createdAt,
      createdByName: users.name,
      bodyText: revisions.bodyText,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.createdBy))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.createdAt), desc(revisions.articleVersion));
  // Counted as the article's own word count is, so a revision and the current text compare.
  return rows.map(({ bodyText, ...row }) => ({ ...row, words: countWords(bodyText) }));
}

export async function getRevision(articleId: string, revisionId: string): Promise<Revision | null> {
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), eq(revisions.id, revisionId)))
    .limit(1);
  return row ?? null;
}

export type RestoreResult =
  | { ok: true; article: Article; snapshot: Revision }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'conflict' }
  | { ok: false; reason: 'invalid'; problems: Record<string, string> };

/**
 * Puts an earlier revision's headline, standfirst and body back, in one
 * transaction on the locked row: the text being replaced is kept as a
 * 'restore' revision first, so a restore can itself be undone. The status
 * never changes: a published article stays published with the restored text,
 * a draft stays a draft. The stored body is checked and rendered again, as on
 * any save, since the editor's schema may have changed since it was written.
 */
export async function restoreRevision(input: { articleId: string; revisionId: string; baseVersion: number; actor: Actor }): Promise<RestoreResult> {
  const { articleId, revisionId, baseVersion, actor } = input;
  return db.transaction(async (tx): Promise<RestoreResult> => {
    const [article] = await tx.select(articleRow).from(articles).where(eq(articles.id, articleId)).for('update');
    if (!article || article.status === 'trashed' || !can.viewArticle(actor, article)) return { ok: false, reason: 'not_found' };
    if (!can.editArticle(actor, article)) return { ok: false, reason: 'forbidden' };
    if (article.version !== baseVersion) return { ok: false, reason: 'conflict' };
    const [revision] = await tx
      .select()
      .from(revisions)
      .where(and(eq(revisions.articleId, articleId), eq(revisions.id, revisionId)))
      .limit(1);
    if (!revision) return { ok: false, reason: 'not_found' };

    const checked = validateDocument(revision.body);
    if (!checked.ok) return { ok: false, reason: 'invalid', problems: { body: `This version cannot be restored: ${checked.error}` } };
    const same = revision.headline === article.headline && revision.dek === article.dek && JSON.stringify(checked.doc) === JSON.stringify(article.body);
    if (same) return { ok: false, reason: 'invalid', problems: { form: 'That version is the same as the current text: there is nothing to restore.' } };
    const rendered = renderArticleBody(checked.doc);
    const live = article.status === 'published' || article.status === 'scheduled';
    if (live) {
      // Readers (or the schedule) would get the restored text at once: it must be publishable.
      const problems = publishProblems({ ...article, headline: revision.headline, wordCount: rendered.wordCount });
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', problems };
    }

    const snapshot = await createRevision(tx, article, 'restore', actor.id);
    const textChanged = article.headline !== revision.headline || article.dek !== revision.dek || article.bodyText !== rendered.text;
    const [updated] = await tx
      .update(articles)
      .set({
        headline: revision.headline,
        dek: revision.dek,
        body: checked.doc,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        wordCount: rendered.wordCount,
        version: sql`${articles.version} + 1`,
        updatedAt: sql`now()`,
        updatedBy: actor.id,
        ...(textChanged && article.status === 'published' ? { modifiedAt: sql`now()` } : {}),
      })
      .where(eq(articles.id, articleId))
      .returning(articleRow);
    await recordAudit(
      {
        actor,
        action: 'article.revision_restore',
        objectType: 'article',
        objectId: articleId,
        detail: {
          headline: updated.headline,
          revisionId,
          restoredVersion: revision.articleVersion,
          revisionAt: revision.createdAt.toISOString(),
          fromVersion: article.version,
          toVersion: updated.version,
          status: updated.status,
        },
      },
      tx,
    );
    return { ok: true, article: updated, snapshot };
  });
}
