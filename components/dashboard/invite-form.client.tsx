'use client';

import { useActionState } from 'react';
import { inviteAction, type LinkOutcome } from '@/app/(dashboard)/dashboard/people/actions';
import { LinkNotice } from '@/components/dashboard/copy-link.client';
import { Button, Field, inputClass } from '@/components/ui/field';
import type { ActionResult } from '@/lib/action';

type Values = { name: string; email: string; role: string };
type State = { result: ActionResult<LinkOutcome> | null; values: Values };
const EMPTY: Values = { name: '', email: '', role: 'writer' };

export function InviteForm() {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_previous, formData) => {
      const values = { name: String(formData.get('name') ?? ''), email: String(formData.get('email') ?? ''), role: String(formData.get('role') ?? 'writer') };
      const result = await inviteAction(values);
      // After a success the form empties for the next invitation; after a refusal it keeps what was typed.
      return { result, values: result.ok ? EMPTY : values };
    },
    { result: null, values: EMPTY },
  );
  const failure = state.result && !state.result.ok ? state.result : null;
  const errors = failure?.fieldErrors ?? {};
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} noValidate className="grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_9rem_auto]">
        <Field label="Name" error={errors.name}>
          {(props) => <input {...props} name="name" autoComplete="off" defaultValue={state.values.name} required className={inputClass} />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(props) => <input {...props} name="email" type="email" autoComplete="off" defaultValue={state.values.email} required className={inputClass} />}
        </Field>
        <Field label="Role" error={errors.role}>
          {(props) => (
            <select {...props} name="role" defaultValue={state.values.role} className={inputClass}>
              <option value="writer">Writer</option>
              <option value="editor">Editor</option>
              <option value="admin">Admin</option>
            </select>
          )}
        </Field>
        <Button type="submit" disabled={pending} className="py-2.5 sm:col-span-2 sm:justify-self-start lg:col-span-1 lg:mt-6">
          {pending ? 'Inviting…' : 'Invite'}
        </Button>
      </form>
      {failure && !failure.fieldErrors && (
        <p role="alert" className="rounded border border-red-600 bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {failure.error}
        </p>
      )}
      {state.result?.ok && <LinkNotice outcome={state.result.data} kind="invite" />}
    </div>
  );
}
