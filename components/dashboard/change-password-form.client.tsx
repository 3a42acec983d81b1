'use client';

import { useState } from 'react';
import { changePasswordAction } from '@/app/(dashboard)/dashboard/profile/actions';
import { Button, Field, inputClass } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/action';

/** Your own password: the current one, then the new one twice. Other devices are signed out. */
export function ChangePasswordForm({ email, hint, changed }: { email: string; hint: string; changed: boolean }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(
    changed ? { ok: true, text: 'Password changed. You are still signed in here; every other device has been signed out.' } : null,
  );
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setStatus(null);
    // On success the action sends the browser back here (?password=changed), which says so.
    const result = await changePasswordAction({ current: data.get('current'), password: data.get('password'), confirm: data.get('confirm') }).catch(() => null);
    setBusy(false);
    if (!result) return setStatus({ ok: false, text: 'The change did not reach the server. Try again.' });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setStatus({ ok: false, text: result.error });
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="change-password" className="flex max-w-xl flex-col gap-4" noValidate>
      <h2 id="change-password" className="text-lg font-semibold">
        Change your password
      </h2>
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" error={errors.current}>
        {(props) => <input {...props} name="current" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Field label="New password" hint={hint} error={errors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Field label="Confirm new password" error={errors.confirm}>
        {(props) => <input {...props} name="confirm" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </Button>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={`text-sm ${status.ok ? '' : 'text-red-700 dark:text-red-400'}`}>
            {status.text}
          </p>
        )}
      </div>
    </form>
  );
}
