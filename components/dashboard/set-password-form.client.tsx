'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button, Field, inputClass } from '@/components/ui/field';
import type { SetPasswordState } from '@/lib/validation/people';

/** Choosing a password from an invitation or a reset link; the page passes the server action. */
export function SetPasswordForm({
  action,
  token,
  email,
  submitLabel,
  doneMessage,
  passwordHint,
}: {
  action: (previous: SetPasswordState, formData: FormData) => Promise<SetPasswordState>;
  token: string;
  email: string;
  submitLabel: string;
  doneMessage: string;
  passwordHint: string;
}) {
  const [state, formAction, pending] = useActionState<SetPasswordState, FormData>(action, {});
  if (state.done) {
    return (
      <div role="status" className="flex flex-col gap-4">
        <p className="rounded border border-emerald-600/50 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{doneMessage}</p>
        <Link href="/sign-in" className="inline-flex justify-center rounded bg-ink px-3 py-2.5 text-sm font-semibold text-paper hover:opacity-90">
          Sign in
        </Link>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {(state.error || errors.token) && (
        <p role="alert" className="rounded border border-red-600 bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error ?? errors.token}
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="New password" hint={passwordHint} error={errors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Field label="Confirm password" error={errors.confirm}>
        {(props) => <input {...props} name="confirm" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="mt-2 py-2.5">
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}
