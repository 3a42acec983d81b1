'use client';

import type { ConflictText } from '@/app/(dashboard)/dashboard/articles/actions';
import { formatDateTimeIn } from '@/lib/dates';

/**
 * Shown when someone else saved the article after this person opened it: both
 * texts side by side. Keep mine (their version goes into the history), use
 * theirs (mine stays here to copy from while merging), nothing is lost.
 */
export function ConflictPanel({
  mine,
  theirs,
  timeZone,
  onKeepMine,
  onUseTheirs,
  busy,
}: {
  mine: { headline: string; dek: string; text: string };
  theirs: ConflictText;
  timeZone: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  busy: boolean;
}) {
  const column = (title: string, text: { headline: string; dek: string; text: string }) => (
    <div className="flex min-w-0 flex-col gap-2 rounded border border-rule bg-panel p-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="font-serif text-lg font-bold">{text.headline || <em className="text-muted">No headline</em>}</p>
      {text.dek && <p className="font-serif text-muted">{text.dek}</p>}
      <div className="max-h-96 overflow-y-auto font-serif text-sm whitespace-pre-wrap">{text.text}</div>
    </div>
  );
  return (
    <section role="alertdialog" aria-labelledby="conflict-heading" aria-describedby="conflict-help" className="mb-6 rounded border-2 border-amber-500 bg-amber-50 p-4 text-ink dark:bg-amber-950/40">
      <h2 id="conflict-heading" className="text-lg font-semibold">
        Someone else saved this article while you were editing
      </h2>
      <p id="conflict-help" className="mt-1 text-sm">
        {theirs.updatedByName} saved version {theirs.version} at {formatDateTimeIn(new Date(theirs.updatedAt), timeZone)}. Your text has not been saved and is kept in this
        browser. Choose which text to keep: the other one is not lost.
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {column('Your text (not saved)', mine)}
        {column(`Saved by ${theirs.updatedByName}`, { headline: theirs.headline, dek: theirs.dek, text: theirs.bodyText })}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" disabled={busy} onClick={onKeepMine} className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-paper disabled:opacity-50">
          Keep my text
        </button>
        <button type="button" disabled={busy} onClick={onUseTheirs} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold disabled:opacity-50">
          Use their text and merge by hand
        </button>
      </div>
      <p className="mt-2 text-xs text-muted">
        “Keep my text” saves yours; theirs goes into the article’s history. “Use their text” loads theirs into the editor and keeps yours beside it to copy from.
      </p>
    </section>
  );
}
