'use client';

import { startTransition, useActionState, useId, useState } from 'react';
import { addCorrectionAction } from '@/app/(dashboard)/dashboard/articles/[id]/corrections-actions';
import { Button, Field, inputClass } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/action';
import type { CorrectionItem } from '@/lib/corrections';
import { CORRECTION_KIND_LABEL, CORRECTION_LIMITS } from '@/lib/validation/correction';

type FormState = { error?: string; fieldErrors?: FieldErrors; added?: string };
type Kind = CorrectionItem['kind'];

/**
 * The corrections and updates on a published article, for the editor's
 * sidebar: the notes so far and, for editors, a form to add one. Load the
 * initial list with listCorrectionsForArticle(id).map(toCorrectionItem), and
 * pass canAdd only to editors and admins on a published article (the server
 * refuses anyone else anyway).
 */
export function CorrectionsPanel({ articleId, initialCorrections, canAdd }: { articleId: string; initialCorrections: CorrectionItem[]; canAdd: boolean }) {
  const headingId = useId();
  const [items, setItems] = useState(initialCorrections);
  const [kind, setKind] = useState<Kind>('correction');
  const [body, setBody] = useState('');
  // Dispatched by hand rather than as the form's action, so a refused note stays in the box to fix.
  const [state, submit, pending] = useActionState<FormState, { kind: Kind; body: string }>(async (_previous, note) => {
    const result = await addCorrectionAction({ articleId, ...note }).catch(() => null);
    if (!result) return { error: 'The note did not reach the server. Try again.' };
    if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
    setItems((list) => [...list, result.data]);
    setBody('');
    setKind('correction');
    return { added: result.data.id };
  }, {});
  const fieldError = (key: string) => state.fieldErrors?.[key];
  const formError = state.error && !fieldError('body') && !fieldError('kind') ? state.error : undefined;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-rule p-3">
      <h2 id={headingId} className="text-sm font-semibold">
        Corrections and updates
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-muted">None yet.</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm">
          {items.map((item) => (
            <li key={item.id} className="border-l-2 border-accent pl-2">
              <p>
                <strong>{CORRECTION_KIND_LABEL[item.kind]}</strong>, <time dateTime={item.createdAt}>{item.dateLabel}</time>: {item.body}
              </p>
              {item.createdByName && <p className="text-xs text-muted">Added by {item.createdByName}</p>}
            </li>
          ))}
        </ol>
      )}
      {state.added && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Published. Readers see it at the end of the article and on the corrections page.
        </p>
      )}
      {canAdd && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            startTransition(() => submit({ kind, body }));
          }}
          className="flex flex-col gap-3 border-t border-rule pt-3"
          noValidate
        >
          {formError && (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              {formError}
            </p>
          )}
          <Field label="Type of note" error={fieldError('kind')}>
            {(props) => (
              <select {...props} name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} className={`${inputClass} text-sm`}>
                <option value="correction">{CORRECTION_KIND_LABEL.correction}: something was wrong</option>
                <option value="update">{CORRECTION_KIND_LABEL.update}: something has changed</option>
              </select>
            )}
          </Field>
          <Field
            label="Note text"
            hint={`Dated today; shown at the end of the article and on the public corrections page. ${body.length.toLocaleString('en-GB')}/${CORRECTION_LIMITS.max.toLocaleString('en-GB')} characters.`}
            error={fieldError('body')}
          >
            {(props) => (
              <textarea
                {...props}
                name="body"
                rows={4}
                maxLength={CORRECTION_LIMITS.max}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                className={`${inputClass} text-sm`}
              />
            )}
          </Field>
          <Button type="submit" disabled={pending} className="self-start">
            {pending ? 'Publishing…' : `Publish ${CORRECTION_KIND_LABEL[kind].toLowerCase()}`}
          </Button>
        </form>
      )}
    </section>
  );
}
