'use server';

import { addCorrection } from '@/db/queries/corrections';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { withArticleInvalidation } from '@/lib/cache/article-state';
import { toCorrectionItem, type CorrectionItem } from '@/lib/corrections';
import { getSiteSettings } from '@/lib/settings/site';
import { correctionSchema } from '@/lib/validation/correction';

export const addCorrectionAction = authedAction({ roles: ['editor', 'admin'], schema: correctionSchema }, async (input, user): Promise<ActionResult<CorrectionItem>> => {
  // The note shows on the article, on /corrections, and dates the article as updated (feeds, sitemaps).
  const result = await withArticleInvalidation(input.articleId, () => addCorrection({ ...input, actor: user }));
  if (!result.ok) {
    return result.reason === 'not_published'
      ? fail('invalid', 'Corrections and updates are for published articles. Publish it first, or change the text itself.')
      : fail('not_found', 'This article does not exist, or you do not have access to it.');
  }
  const { timeZone } = await getSiteSettings();
  return { ok: true, data: toCorrectionItem({ ...result.correction, createdByName: user.name }, timeZone) };
});
