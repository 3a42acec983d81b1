'use client';

import { useState, useTransition } from 'react';
import { changeRoleAction, passwordResetLinkAction, setActiveAction, type LinkOutcome } from '@/app/(dashboard)/dashboard/people/actions';
import { LinkNotice } from '@/components/dashboard/copy-link.client';
import { Button } from '@/components/ui/field';
import type { Role } from '@/db/schema';

interface Person {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

const ROLE_LABEL: Record<Role, string> = { writer: 'Writer', editor: 'Editor', admin: 'Admin' };

/** Role, deactivation and password reset for one person, inline in their row. */
export function PersonControls({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const [role, setRole] = useState<Role>(person.role);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [link, setLink] = useState<LinkOutcome | null>(null);

  function changeRole() {
    setMessage(null);
    setLink(null);
    startTransition(async () => {
      const result = await changeRoleAction({ userId: person.id, role });
      if (!result.ok) {
        setRole(person.role);
        setMessage({ kind: 'error', text: result.error });
      } else if (result.data.changed) {
        const label = ROLE_LABEL[result.data.person.role].toLowerCase();
        const asRole = `${label === 'writer' ? 'a' : 'an'} ${label}`;
        setMessage({ kind: 'done', text: isSelf ? `You are now ${asRole}. Sign in again to continue.` : `${person.name} is now ${asRole}, and signs in again to continue.` });
      }
    });
  }

  function toggleActive() {
    setMessage(null);
    setLink(null);
    startTransition(async () => {
      const result = await setActiveAction({ userId: person.id, active: !person.active });
      if (!result.ok) setMessage({ kind: 'error', text: result.error });
      else setMessage({ kind: 'done', text: result.data.person.active ? `${person.name} can sign in again.` : `${person.name} is deactivated and signed out everywhere.` });
    });
  }

  function makeResetLink() {
    setMessage(null);
    setLink(null);
    startTransition(async () => {
      const result = await passwordResetLinkAction({ userId: person.id });
      if (!result.ok) setMessage({ kind: 'error', text: result.error });
      else setLink(result.data);
    });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <form
          className="flex items-center gap-1"
          onSubmit={(event) => {
            event.preventDefault();
            changeRole();
          }}
        >
          <label htmlFor={`role-${person.id}`} className="sr-only">
            Role of {person.name}
          </label>
          <select
            id={`role-${person.id}`}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            className="rounded border border-rule bg-panel px-2 py-1.5 text-sm text-ink focus:border-ink"
          >
            {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={pending || role === person.role} className="px-2 py-1.5 whitespace-nowrap">
            Change role
          </Button>
        </form>
        <Button variant="secondary" disabled={pending} onClick={toggleActive} className="px-2 py-1.5 whitespace-nowrap">
          {person.active ? 'Deactivate' : 'Reactivate'}
        </Button>
        {person.active && (
          <Button variant="ghost" disabled={pending} onClick={makeResetLink} className="px-2 py-1.5 whitespace-nowrap underline">
            Password reset link
          </Button>
        )}
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'text-sm font-medium text-red-700 dark:text-red-400' : 'text-sm text-emerald-800 dark:text-emerald-300'}
        >
          {message.text}
        </p>
      )}
      {link && <LinkNotice outcome={link} kind="reset" />}
    </div>
  );
}
