import { and, eq, lte, lt, sql } from 'drizzle-orm';
import { can } from '@/lib/permissions';
import { mayMake, startsFrom, TRANSITIONS, TRASH_RETENTION_DAYS, type WorkflowAction } from '@/lib/workflow';
import { publishProblems } from '@/lib/validation/article';
import { db } from '../client';
import { articleRow, articles, type Article, type Role } from '../schema';
import { recordAudit } from './audit';
import { createRevision } from './revisions';

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export type TransitionResult =
  | { ok: true; article: Article | null }
  | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_status' | 'conflict' }
  | { ok: false; reason: 'invalid'; problems: Record<string, string> };

/**
 * Makes one editorial move, in one transaction: the rights and the starting
 * status are checked on the locked row, a revision is taken before anything
 * goes public, and the move is written to the audit log. `now` is the clock
 * (tests pass their own).
 */
export async function transitionArticle(input: {
  id: string;
  action: WorkflowAction;
  actor: Actor;
  baseVersion?: number;
  publishAt?: Date;
  now?: Date;
}): Promise<TransitionResult> {
  const { id, action, actor } = input;
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<TransitionResult> => {
    const [article] = await tx.select(articleRow).from(articles).where(eq(articles.id, id)).for('update');
    // Someone else's article, for a writer, is indistinguishable from a missing one.
    if (!article || !can.viewArticle(actor, article)) return { ok: false, reason: 'not_found' };
    if (article.status === 'trashed' && action !== 'restore' && action !== 'purge') return { ok: false, reason: 'not_found' };
    if (!mayMake(action, actor, article)) return { ok: false, reason: 'forbidden' };
    if (!startsFrom(action, article.status)) return { ok: false, reason: 'wrong_status' };
    if (input.baseVersion !== undefined && input.baseVersion !== article.version) return { ok: false, reason: 'conflict' };

    if (action === 'purge') {
      await tx.delete(articles).where(eq(articles.id, id));
      await recordAudit({ actor, action: 'article.purge', objectType: 'article', objectId: id, detail: { headline: article.headline } }, tx);
      return { ok: true, article: null };
    }

    const changes: Partial<typeof articles.$inferInsert> = {};
    if (action === 'publish' || action === 'schedule') {
      const problems = publishProblems(article);
      if (action === 'schedule') {
        if (!input.publishAt || Number.isNaN(input.publishAt.getTime())) problems.publishAt = 'Choose the date and time to publish.';
        else if (input.publishAt.getTime() <= now.getTime()) problems.publishAt = 'The publication time must be in the future.';
      }
      if (Object.keys(problems).length > 0) return { ok: false, reason: 'invalid', problems };
      await createRevision(tx, article, 'publish', actor.id);
      // Republishing keeps the first publication time, whatever route the article took back
      // (unpublished, then review): a past publication time means readers saw it then.
      // A scheduled article goes out when scheduled.
      const wasLive = article.publishedAt !== null && article.publishedAt <= now;
      changes.publishedAt = action === 'schedule' ? input.publishAt! : wasLive ? article.publishedAt : now;
    }
    if (action === 'unschedule') changes.publishedAt = null;
    if (action === 'trash') {
      changes.trashedAt = now;
      // A schedule that never came to pass is dropped, so it is not later taken for a past publication.
      if (article.status === 'scheduled' && article.publishedAt !== null && article.publishedAt > now) changes.publishedAt = null;
    }
    if (action === 'restore') changes.trashedAt = null;

    const [updated] = await tx
      .update(articles)
      .set({ ...changes, status: TRANSITIONS[action].to!, version: sql`${articles.version} + 1`, updatedAt: now, updatedBy: actor.id })
      .where(eq(articles.id, id))
      .returning(articleRow);
    await recordAudit(
      {
        actor,
        action: `article.${action}`,
        objectType: 'article',
        objectId: id,
        detail: { headline: article.headline, from: article.status, to: updated.status, ...(action === 'schedule' ? { publishAt: input.publishAt!.toISOString() } : {}) },
      },
      tx,
    );
    return { ok: true, article: updated };
  });
}

/**
 * Publishes every scheduled article whose time has come. The scheduler calls
 * this on a timer and at start-up, so a time missed while the server was down
 * is caught at the next start. Readers see a due article even before it runs:
 * the public queries compare the time themselves.
 */
export async function publishDueArticles(now = new Date()): Promise<Article[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(articles)
      .set({ status: 'published', version: sql`${articles.version} + 1`, updatedAt: now })
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
      .returning(articleRow);
    for (const article of due) {
      // The text that goes out, as it is now: it may have been edited since it was scheduled.
      await createRevision(tx, { ...article, version: article.version - 1 }, 'publish', null);
      await recordAudit({ actor: null, action: 'article.publish', objectType: 'article', objectId: article.id, detail: { headline: article.headline, from: 'scheduled', to: 'published', scheduledFor: article.publishedAt?.toISOString() } }, tx);
    }
    return due;
  });
}

/** Deletes articles that have been in the trash longer than the retention period. */
export async function purgeExpiredTrash(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - TRASH_RETENTION_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(articles)
      .where(and(eq(articles.status, 'trashed'), lt(articles.trashedAt, cutoff)))
      .returning({ id: articles.id, headline: articles.headline });
    for (const article of gone) {
      await recordAudit({ actor: null, action: 'article.purge', objectType: 'article', objectId: article.id, detail: { headline: article.headline, reason: `in the trash for more than ${TRASH_RETENTION_DAYS} days` } }, tx);
    }
    return gone.map((a) => a.id);
  });
}

/** The next scheduled publication time, so the scheduler can wake exactly then. */
export async function nextScheduledTime(): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${articles.publishedAt})` })
    .from(articles)
    .where(eq(articles.status, 'scheduled'));
  return row?.at ? new Date(row.at) : null;
}
