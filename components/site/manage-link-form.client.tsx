'use client';

import { useActionState, useEffect, useRef } from 'react';
import { requestManageLinkAction, type ManageLinkState } from '@/app/(site)/support/actions';

const MESSAGES: Record<NonNullable<ManageLinkState['status']>, string> = {
  sent: 'If a monthly or annual gift was made with that address, we have emailed it a link. The link works for one hour. Nothing arrived? Check your spam folder, or try the address you used at checkout.',
  no_mail: 'This site cannot send email yet, so we cannot send you a link. The link on your thank-you page works for a day after you give.',
  error: 'We could not send the email just now. Please try again in a few minutes.',
};

export function ManageLinkForm() {
  const [state, action, pending] = useActionState(requestManageLinkAction, {});
  const statusRef = useRef<HTMLParagraphElement>(null);
  const error = state.fieldErrors?.email;
  useEffect(() => {
    if (state.status) statusRef.current?.focus();
  }, [state]);
  return (
    <form action={action} noValidate className="flex flex-col gap-3 rounded border border-rule bg-panel p-5">
      <div className="flex flex-col gap-1">
        <label htmlFor="manage-email" className="text-sm font-semibold">
          The email address you gave with
        </label>
        <input
          id="manage-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.email ?? ''}
          maxLength={254}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'manage-email-error' : undefined}
          className="w-full rounded border border-rule bg-paper px-3 py-2 text-base text-ink focus:border-ink aria-[invalid=true]:border-red-600"
        />
        {error && (
          <p id="manage-email-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="self-start rounded bg-ink px-4 py-2 text-sm font-semibold text-paper hover:opacity-90 disabled:opacity-60">
        {pending ? 'Sending…' : 'Email me a link'}
      </button>
      {state.status && (
        <p ref={statusRef} tabIndex={-1} role="status" className="rounded border border-rule bg-paper p-3 text-sm outline-none">
          {MESSAGES[state.status]}
        </p>
      )}
    </form>
  );
}
