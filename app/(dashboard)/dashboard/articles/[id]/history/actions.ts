'use server';

import { z } from 'zod';
import { restoreRevision } from '@/db/queries/revisions';
import type { ArticleStatus } from '@/db/schema';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { withArticleInvalidation } from '@/lib/cache/article-state';

const restoreRevisionSchema = z.object({
  articleId: z.uuid({ error: 'Not a valid reference.' }),
  revisionId: z.uuid({ error: 'Not a valid reference.' }),
  baseVersion: z.number({ error: 'Missing version.' }).int().min(0),
});

export interface RestoredArticle {
  version: number;
  status: ArticleStatus;
  /** The revision that keeps the text the restore replaced. */
  snapshotId: string;
}

const NOT_FOUND = 'This article or version does not exist, or you do not have access to it.';

/** Puts an earlier version's text back. Never publishes or unpublishes: the status stays as it is. */
export const restoreRevisionAction = authedAction({ schema: restoreRevisionSchema }, async (input, user): Promise<ActionResult<RestoredArticle>> => {
  // Restoring a published article's text changes what readers see at once.
  const result = await withArticleInvalidation(input.articleId, () => restoreRevision({ ...input, actor: user }), { statusUnchanged: true });
  if (result.ok) return { ok: true, data: { version: result.article.version, status: result.article.status, snapshotId: result.snapshot.id } };
  switch (result.reason) {
    case 'not_found':
      return fail('not_found', NOT_FOUND);
    case 'forbidden':
      return fail('forbidden', 'Once an article is published, only an editor can change it.');
    case 'conflict':
      return fail('conflict', 'The article changed since this page was opened. Reload the history and try again.');
    case 'invalid':
      return fail('invalid', Object.values(result.problems)[0] ?? 'This version cannot be restored.', result.problems);
  }
});
