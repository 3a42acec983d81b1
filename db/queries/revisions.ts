import { and, desc, eq } from 'drizzle-orm';
import { db } from '../client';
import { revisions, users, type Article, type Revision } from '../schema';
import type { Executor } from './audit';

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
  return rows.map(({ bodyText, ...row }) => ({ ...row, words: bodyText.split(/\s+/).filter(Boolean).length }));
}

export async function getRevision(articleId: string, revisionId: string): Promise<Revision | null> {
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.articleId, articleId), eq(revisions.id, revisionId)))
    .limit(1);
  return row ?? null;
}
