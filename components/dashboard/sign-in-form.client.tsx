'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/(auth)/sign-in/actions';
import { Button, Field, inputClass } from '@/components/ui/field';

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.error && (
        <p role="alert" className="rounded border border-red-600 bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {state.error}
        </p>
      )}
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email" error={state.fieldErrors?.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="username" defaultValue={state.email} required className={inputClass} />}
      </Field>
      <Field label="Password" error={state.fieldErrors?.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <Button type="submit" disabled={pending} className="mt-2 py-2.5">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
