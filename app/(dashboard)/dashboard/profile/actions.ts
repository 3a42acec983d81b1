'use server';

import { z } from 'zod';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getImageInfo } from '@/db/queries/images';
import { changePassword, updateProfile } from '@/db/queries/people';
import { authedAction, fail, type ActionResult } from '@/lib/action';
import { keepThisSession } from '@/lib/auth';
import { invalidateTags, profileTags } from '@/lib/cache/tags';
import { recordFailure, recordSuccess, throttleStatus, waitMessage } from '@/lib/throttle';
import { clientAddress } from '@/lib/throttle/address';
import { changePasswordSchema } from '@/lib/validation/people';
import { isStorableText, unstorableTextError } from '@/lib/validation/text';

const profileSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, { error: 'Enter your name.' })
    .max(120, { error: 'A name can be at most 120 characters.' })
    .refine(isStorableText, { error: unstorableTextError('Your name') }),
  bio: z
    .string({ error: 'The bio must be text.' })
    .trim()
    .max(1200, { error: 'A bio can be at most 1,200 characters.' })
    .refine(isStorableText, { error: unstorableTextError('The bio') }),
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

/**
 * Changing your own password: the current one first (its failures count towards the sign-in
 * throttle, so a borrowed session cannot be used to guess it), then a new one that meets the same
 * rules as everywhere else. Every other session of the person ends at once; this one carries on.
 */
export const changePasswordAction = authedAction({ schema: changePasswordSchema }, async (input, user): Promise<ActionResult> => {
  const source = { email: user.email, address: clientAddress(await headers()) };
  const block = await throttleStatus(source);
  if (block) return fail('invalid', waitMessage(block.retryAfterSeconds), { current: waitMessage(block.retryAfterSeconds) });
  const result = await changePassword({ userId: user.id, current: input.current, password: input.password });
  if (!result.ok) {
    if (result.reason === 'not_found') return fail('unauthenticated', 'You are not signed in (or your session has ended). Sign in again.');
    await recordFailure(source);
    return fail('invalid', 'Some fields need attention.', { current: 'That is not your current password.' });
  }
  await recordSuccess(source);
  await keepThisSession(result.user);
  // A fresh request, with the re-issued cookie: this request's own headers still carry the old one.
  redirect('/dashboard/profile?password=changed');
});
