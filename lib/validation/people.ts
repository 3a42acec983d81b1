import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/password';
import { COMMON_PASSWORD_ERROR, isCommonPassword } from '@/lib/passwords/common';
import { isStorableText, unstorableTextError } from './text';

const uuid = z.uuid({ error: 'Not a valid reference.' });
const role = z.enum(ROLES, { error: 'Choose writer, editor or admin.' });

export const inviteSchema = z.object({
  name: z
    .string({ error: 'Enter their name.' })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'Enter their name.' })
        .max(100, { error: 'A name can be at most 100 characters.' })
        .refine(isStorableText, { error: unstorableTextError('The name') }),
    ),
  email: z
    .string({ error: 'Enter their email address.' })
    .trim()
    .min(1, { error: 'Enter their email address.' })
    .max(254, { error: 'That email address is too long.' })
    .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }))
    .transform((value) => value.toLowerCase()),
  role,
});
export type InviteInput = z.input<typeof inviteSchema>;

export const changeRoleSchema = z.object({ userId: uuid, role });
export const setActiveSchema = z.object({ userId: uuid, active: z.boolean({ error: 'Say whether the account is active.' }) });
export const passwordResetLinkSchema = z.object({ userId: uuid });

/**
 * Every new password, wherever it is chosen: 12 to 128 characters of anything (no rules about
 * digits or symbols) and not on the list of common passwords (lib/passwords/).
 */
export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(1, { error: 'Choose a password.' })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((password) => !isCommonPassword(password), { error: COMMON_PASSWORD_ERROR });

const confirmSchema = z.string({ error: 'Type the password again.' }).min(1, { error: 'Type the password again.' });

function samePasswordTwice(value: { password: string; confirm: string }, ctx: z.RefinementCtx) {
  if (value.confirm && value.password !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two passwords are not the same.' });
}

/** Choosing a password from an invitation or a reset link. */
export const setPasswordSchema = z
  .object({
    token: z.string({ error: 'This link is incomplete.' }).min(1, { error: 'This link is incomplete.' }).max(200, { error: 'This link is not valid.' }),
    password: newPasswordSchema,
    confirm: confirmSchema,
  })
  .superRefine(samePasswordTwice);

/** A signed-in person changing their own password: the current one first. */
export const changePasswordSchema = z
  .object({
    current: z.string({ error: 'Enter your current password.' }).min(1, { error: 'Enter your current password.' }).max(1024, { error: 'That password is too long.' }),
    password: newPasswordSchema,
    confirm: confirmSchema,
  })
  .superRefine(samePasswordTwice)
  .superRefine((value, ctx) => {
    if (value.current && value.password === value.current) ctx.addIssue({ code: 'custom', path: ['password'], message: 'Choose a password different from your current one.' });
  });

/** What a set-password form shows after a submit. */
export type SetPasswordState = { done?: boolean; error?: string; fieldErrors?: Record<string, string> };
