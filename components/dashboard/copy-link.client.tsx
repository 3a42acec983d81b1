'use client';

import { useState } from 'react';
import type { LinkOutcome } from '@/app/(dashboard)/dashboard/people/actions';
import { Button, Field, inputClass } from '@/components/ui/field';

/** A read-only link with a Copy button; the text is selected on focus for copying by hand. */
export function CopyLink({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <Field label={label} hint={copied ? 'Copied to the clipboard.' : 'Select it, or use Copy.'}>
      {(props) => (
        <div className="flex gap-2">
          <input {...props} readOnly value={value} onFocus={(event) => event.currentTarget.select()} className={`${inputClass} min-w-0 font-mono text-xs`} />
          <Button variant="secondary" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
            Copy
          </Button>
        </div>
      )}
    </Field>
  );
}

/** What became of an invitation or reset link: emailed, or shown here to pass on. */
export function LinkNotice({ outcome, kind }: { outcome: LinkOutcome; kind: 'invite' | 'reset' }) {
  const what = kind === 'invite' ? 'Invitation' : 'Password reset link';
  if (outcome.sent) {
    return (
      <p role="status" className="rounded border border-emerald-600/50 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
        {what} sent to <strong>{outcome.email}</strong>. The link works once, until {outcome.expiresLabel}.
      </p>
    );
  }
  return (
    <div role="status" className="flex flex-col gap-2 rounded border border-amber-500/60 bg-amber-50 px-3 py-3 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
      <p>
        {outcome.mailFailed ? `The email to ${outcome.email} could not be sent. ` : ''}
        Copy this link and send it to <strong>{outcome.name}</strong> ({outcome.email}) yourself. It works once, until {outcome.expiresLabel}, and is not shown again.
      </p>
      {outcome.link && <CopyLink label={kind === 'invite' ? 'Invitation link' : `Password reset link for ${outcome.name}`} value={outcome.link} />}
    </div>
  );
}
