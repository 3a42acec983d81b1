'use server';

import { acceptInvite } from '@/db/queries/people';
import { fieldErrorsOf } from '@/lib/action';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { isFormData, NOT_A_FORM } from '@/lib/validation/form';
import { setPasswordSchema, type SetPasswordState } from '@/lib/validation/people';

const REFUSED = {
  not_found: 'This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.',
  used: 'This invitation has already been used. Sign in with the password chosen then.',
  expired: 'This invitation has expired. Ask an admin to invite you again.',
  email_taken: 'An account with this email address already exists. Sign in instead, or ask an admin for a password reset link.',
} as const;

/** Public: the token is the only credential, so it is checked under a lock in the query. */
export async function acceptInviteAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  if (!isFormData(formData)) return { error: NOT_A_FORM };
  const parsed = setPasswordSchema.safeParse({ token: formData.get('token'), password: formData.get('password'), confirm: formData.get('confirm') });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const result = await acceptInvite({ token: parsed.data.token, password: parsed.data.password });
    return result.ok ? { done: true } : { error: REFUSED[result.reason] };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { error: 'Masthead cannot reach its database right now. Try again in a moment.' };
    console.error(`[invite] accepting an invitation failed: ${error instanceof Error ? error.message : String(error)}`);
    return { error: 'Something went wrong on the server. Try again in a moment.' };
  }
}
