import { eq, sql } from 'drizzle-orm';
import { db } from '../client';
import { articleLocks, users } from '../schema';

/** A holder who has not been heard from for this long has left the article. */
export const LOCK_STALE_MS = 60_000;

export interface EditLock {
  /** Whether the caller holds the article now. */
  mine: boolean;
  holder: { id: string; name: string; since: Date } | null;
}

/**
 * Claims (or keeps) the right to edit an article. A fresh claim of someone
 * else is respected unless `takeOver` is set; a stale one is simply replaced.
 */
export async function claimEditLock(articleId: string, userId: string, options: { takeOver?: boolean } = {}): Promise<EditLock & { tookOverFrom: string | null }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(articleLocks).where(eq(articleLocks.articleId, articleId)).for('update');
    const fresh = current && Date.now() - current.heartbeatAt.getTime() < LOCK_STALE_MS;
    let tookOverFrom: string | null = null;
    if (current && fresh && current.userId !== userId && !options.takeOver) {
      const [holder] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, current.userId));
      return { mine: false, holder: holder ? { ...holder, since: current.heartbeatAt } : null, tookOverFrom };
    }
    if (current && fresh && current.userId !== userId) tookOverFrom = current.userId;
    await tx
      .insert(articleLocks)
      .values({ articleId, userId, heartbeatAt: sql`now()` })
      .onConflictDoUpdate({ target: articleLocks.articleId, set: { userId, heartbeatAt: sql`now()` } });
    return { mine: true, holder: null, tookOverFrom };
  });
}

export async function releaseEditLock(articleId: string, userId: string): Promise<void> {
  await db.delete(articleLocks).where(sql`${articleLocks.articleId} = ${articleId} and ${articleLocks.userId} = ${userId}`);
}
