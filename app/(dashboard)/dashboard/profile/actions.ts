'use server';

import { z } from 'zod';
import { getImageInfo } from '@/db/queries/images';
import { updateProfile } from '@/db/queries/people';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { invalidateTags, profileTags } from '@/lib/cache/tags';

const profileSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, { error: 'Enter your name.' })
    .max(120, { error: 'A name can be at most 120 characters.' }),
  bio: z
    .string({ error: 'The bio must be text.' })
    .trim()
    .max(1200, { error: 'A bio can be at most 1,200 characters.' }),
  avatarImageId: z.uuid({ error: 'Not a valid photo.' }).nullable(),
});

/** Anyone signed in edits their own byline details; nobody else's. */
export const updateProfileAction = authedAction({ schema: profileSchema }, async (input, user): Promise<ActionResult> => {
  if (input.avatarImageId && !(await getImageInfo(input.avatarImageId))) return fail('invalid', 'Some fields need attention.', { avatarImageId: 'That photo is no longer available. Upload it again.' });
  await updateProfile(user, input);
  // Readers see the name, bio and photo on the author page and with every byline.
  await invalidateTags(profileTags(user.id));
  return { ok: true };
});
