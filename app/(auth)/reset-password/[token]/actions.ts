'use server';

import { resetPassword } from '@/db/queries/people';
import { fieldErrorsOf } from '@/lib/action';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { isFormData, NOT_A_FORM } from '@/lib/validation/form';
import { setPasswordSchema, type SetPasswordState } from '@/lib/validation/people';

const REFUSED = {
  not_found: 'This password reset link is not valid. Ask an admin for a new one.',
  used: 'This password reset link has already been used. Ask an admin for a new one if you need to change your password again.',
  expired: 'This password reset link has expired (they last one hour). Ask an admin for a new one.',
} as const;

/** Public: the token is the only credential, so it is checked under a lock in the query. */
export async function resetPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  if (!isFormData(formData)) return { error: NOT_A_FORM };
  const parsed = setPasswordSchema.safeParse({ token: formData.get('token'), password: formData.get('password'), confirm: formData.get('confirm') });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const result = await resetPassword({ token: parsed.data.token, password: parsed.data.password });
    return result.ok ? { done: true } : { error: REFUSED[result.reason] };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { error: 'Masthead cannot reach its database right now. Try again in a moment.' };
    console.error(`[reset-password] setting a new password failed: ${error instanceof Error ? error.message : String(error)}`);
    return { error: 'Something went wrong on the server. Try again in a moment.' };
  }
}
