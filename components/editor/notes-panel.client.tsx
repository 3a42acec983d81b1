'use client';

import { useState } from 'react';
import { addNoteAction } from '@/app/(dashboard)/dashboard/articles/actions';
import { formatDateTimeIn } from '@/lib/dates';

export interface NoteItem {
  id: string;
  body: string;
  createdAt: string;
  authorName: string;
  authorRole: string;
}

/** The conversation between writer and editor on this article. */
export function NotesPanel({ articleId, initialNotes, timeZone, me }: { articleId: string; initialNotes: NoteItem[]; timeZone: string; me: { name: string; role: string } }) {
  const [notes, setNotes] = useState(initialNotes);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(null);
    const result = await addNoteAction({ articleId, body: text }).catch(() => null);
    setBusy(false);
    if (!result) return setError('The note did not reach the server. Try again.');
    if (!result.ok) return setError(result.fieldErrors?.body ?? result.error);
    setNotes((list) => [...list, { id: result.data.id, body: text.trim(), createdAt: new Date().toISOString(), authorName: me.name, authorRole: me.role }]);
    setText('');
  };
  return (
    <section aria-labelledby="notes-heading" className="rounded border border-rule p-3">
      <h2 id="notes-heading" className="text-sm font-semibold">
        Notes {notes.length > 0 && <span className="font-normal text-muted">({notes.length})</span>}
      </h2>
      {notes.length === 0 ? (
        <p className="mt-1 text-xs text-muted">Notes between writer and editor appear here. Readers never see them.</p>
      ) : (
        <ol className="mt-2 flex max-h-80 flex-col gap-2 overflow-y-auto" aria-label="Notes">
          {notes.map((note) => (
            <li key={note.id} className="rounded bg-paper p-2 text-sm">
              <p className="text-xs text-muted">
                <span className="font-semibold text-ink">{note.authorName}</span> ({note.authorRole}) ·{' '}
                <time dateTime={note.createdAt}>{formatDateTimeIn(new Date(note.createdAt), timeZone)}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="mt-2 flex flex-col gap-1">
        <label htmlFor="note-text" className="text-xs font-semibold">
          Add a note
        </label>
        <textarea
          id="note-text"
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'note-error' : undefined}
          className="rounded border border-rule bg-panel px-2 py-1 text-sm"
        />
        {error && (
          <p id="note-error" className="text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        <button type="button" onClick={() => void send()} disabled={busy || !text.trim()} className="self-start rounded border border-ink px-2 py-1 text-sm font-semibold disabled:opacity-50">
          {busy ? 'Sending…' : 'Add note'}
        </button>
      </div>
    </section>
  );
}
