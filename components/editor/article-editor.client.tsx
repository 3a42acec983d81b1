'use client';

import type { JSONContent } from '@tiptap/core';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  currentTextAction,
  publishArticleAction,
  purgeArticleAction,
  restoreArticleAction,
  returnArticleAction,
  saveArticleAction,
  scheduleArticleAction,
  submitArticleAction,
  trashArticleAction,
  unpublishArticleAction,
  unscheduleArticleAction,
  type ConflictText,
  type SavedArticle,
} from '@/app/(dashboard)/dashboard/articles/actions';
import { Field, inputClass } from '@/components/ui/field';
import type { ArticleStatus, Role } from '@/db/schema';
import type { ActionResult, FieldErrors } from '@/lib/action';
import { STATUS_LABEL, STATUS_STYLE } from '@/lib/article-status';
import { formatDateTimeIn, newsroomTimeToUtc } from '@/lib/dates';
import { documentText } from '@/lib/rich-text/text';
import { slugify } from '@/lib/slug';
import { can } from '@/lib/permissions';
import { LIMITS } from '@/lib/validation/article';
import { availableMoves, type WorkflowAction } from '@/lib/workflow';
import { BylinePicker, type StaffOption } from './byline-picker.client';
import { ConflictPanel } from './conflict-panel.client';
import { clearLocalCopy, readLocalCopy, writeLocalCopy } from './local-copy';
import { NotesPanel, type NoteItem } from './notes-panel.client';
import { RichTextEditor } from './rich-text-editor.client';
import { TagInput } from './tag-input.client';
import { uploadImage, type UploadedImage } from './upload';
import { useEditLock } from './use-edit-lock';
import { WorkflowBar } from './workflow-bar.client';

export interface EditorDraft {
  headline: string;
  dek: string;
  slug: string;
  slugAuto: boolean;
  sectionId: string | null;
  tags: string[];
  bylines: string[];
  leadImage: UploadedImage | null;
  leadImageCaption: string;
  leadImageCredit: string;
  leadImageAlt: string;
  body: JSONContent;
}

export interface EditorArticle {
  id: string | null;
  version: number | null;
  status: ArticleStatus;
  slug: string;
  authorId: string;
  wordCount: number;
  publishedAt: string | null;
  draft: EditorDraft;
}

interface ServerState {
  id: string | null;
  version: number | null;
  status: ArticleStatus;
  slug: string;
  publishedAt: string | null;
}

type SaveState = { kind: 'clean' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string; conflict?: boolean };

/** Drafts are saved this long after typing stops. Live articles are only saved on request. */
const AUTOSAVE_MS = 3_000;

const sameDraft = (a: EditorDraft, b: EditorDraft) => JSON.stringify(a) === JSON.stringify(b);

const MOVE_ACTIONS: Record<WorkflowAction, typeof publishArticleAction> = {
  submit: submitArticleAction,
  return: returnArticleAction,
  schedule: scheduleArticleAction,
  unschedule: unscheduleArticleAction,
  publish: publishArticleAction,
  unpublish: unpublishArticleAction,
  trash: trashArticleAction,
  restore: restoreArticleAction,
  purge: purgeArticleAction,
};

const MOVE_DONE: Record<WorkflowAction, string> = {
  submit: 'Submitted for review. An editor will pick it up from the review queue.',
  return: 'Sent back to the writer, with the notes.',
  schedule: 'Scheduled.',
  unschedule: 'Unscheduled: the article is a draft again.',
  publish: 'Published. Readers can see it now.',
  unpublish: 'Unpublished. Readers no longer see it.',
  trash: 'Moved to the trash. It can be restored for 30 days.',
  restore: 'Restored as a draft.',
  purge: 'Deleted for good.',
};

export function ArticleEditor({
  article,
  sections,
  knownTags,
  staff,
  me,
  canEdit: canEditInitially,
  notes,
  timeZone,
  sidebarExtra,
}: {
  article: EditorArticle;
  sections: { id: string; name: string }[];
  knownTags: string[];
  staff: StaffOption[];
  me: { id: string; name: string; role: Role };
  /** From the server; re-checked here when the status changes on screen. */
  canEdit: boolean;
  notes: NoteItem[] | null;
  timeZone: string;
  sidebarExtra?: React.ReactNode;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<EditorDraft>(article.draft);
  const [server, setServer] = useState<ServerState>({ id: article.id, version: article.version, status: article.status, slug: article.slug, publishedAt: article.publishedAt });
  const [words, setWords] = useState(article.wordCount);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'clean' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [conflict, setConflict] = useState<{ theirs: ConflictText; mine: EditorDraft } | null>(null);
  const [mergeSource, setMergeSource] = useState<EditorDraft | null>(null);
  const savedDraft = useRef<EditorDraft>(article.draft);
  const inFlight = useRef<Promise<SavedArticle | null> | null>(null);
  const localKey = article.id ?? 'new';
  // Refs hold what is current right now, for saves that outlive a render.
  const draftRef = useRef(draft);
  const serverRef = useRef(server);

  // Rights follow the status as it changes on this screen (a writer's article in review is the editor's).
  const canEdit = canEditInitially && (server.status === article.status || can.editArticle(me, { authorId: article.authorId, status: server.status }));
  const lock = useEditLock(server.id, canEdit && server.status !== 'trashed');
  const editable = canEdit && server.status !== 'trashed' && lock.state !== 'held-by-other' && lock.state !== 'lost';
  const live = server.status === 'published' || server.status === 'scheduled';

  // A copy in this browser that the server never got (a failed save, a crash, a
  // closed tab) comes back when the article is opened again.
  useEffect(() => {
    const local = readLocalCopy(localKey);
    if (local && !sameDraft({ ...article.draft, ...local.draft }, article.draft)) {
      const merged = { ...article.draft, ...local.draft };
      draftRef.current = merged;
      // localStorage exists only in the browser, after hydration: this is the first moment it can be read.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setDraft(merged);
      setEditorKey((k) => k + 1);
      setSaveState({ kind: 'dirty' });
      setRestored(true);
    }
  }, [localKey, article.draft]);

  const update = useCallback((patch: Partial<EditorDraft>) => {
    const next = { ...draftRef.current, ...patch };
    if (next.slugAuto) next.slug = slugify(next.headline);
    draftRef.current = next;
    setDraft(next);
    writeLocalCopy(serverRef.current.id ?? 'new', { draft: next, baseVersion: serverRef.current.version, at: Date.now() });
    setSaveState((s) => (s.kind === 'failed' && s.conflict ? s : { kind: 'dirty' }));
    setErrors((e) => {
      const keys = Object.keys(patch).concat('leadImage' in patch ? ['leadImageId'] : []);
      if (!keys.some((k) => k in e)) return e;
      const rest = { ...e };
      for (const k of keys) delete rest[k];
      return rest;
    });
  }, []);

  const showConflict = useCallback(async (mine: EditorDraft) => {
    const id = serverRef.current.id;
    if (!id) return;
    const result = await currentTextAction({ articleId: id }).catch(() => null);
    if (result?.ok) setConflict({ theirs: result.data, mine });
  }, []);

  /** Saves what is on screen now; resolves to the saved article, or null with the reason shown. */
  const save = useCallback(
    async (options: { overwrite?: boolean } = {}): Promise<SavedArticle | null> => {
      while (inFlight.current) await inFlight.current;
      const sending = draftRef.current;
      const base = serverRef.current;
      const run = (async (): Promise<SavedArticle | null> => {
        setSaveState({ kind: 'saving' });
        let result: ActionResult<SavedArticle>;
        try {
          result = await saveArticleAction({
            id: base.id,
            baseVersion: base.version,
            headline: sending.headline,
            dek: sending.dek,
            slug: sending.slug,
            slugAuto: sending.slugAuto,
            sectionId: sending.sectionId,
            tags: sending.tags,
            bylines: sending.bylines,
            leadImageId: sending.leadImage?.id ?? null,
            leadImageCaption: sending.leadImageCaption,
            leadImageCredit: sending.leadImageCredit,
            leadImageAlt: sending.leadImageAlt,
            body: sending.body,
            overwrite: options.overwrite,
          });
        } catch {
          result = { ok: false, code: 'unavailable', error: 'The save did not reach the server. Your text is kept in this browser.' };
        }
        if (!result.ok) {
          setErrors(result.fieldErrors ?? {});
          setSaveState({ kind: 'failed', message: result.error, conflict: result.code === 'conflict' });
          if (result.code === 'conflict') void showConflict(sending);
          return null;
        }
        const saved = result.data;
        const nextServer = { id: saved.id, version: saved.version, status: saved.status, slug: saved.slug, publishedAt: saved.publishedAt };
        serverRef.current = nextServer;
        setServer(nextServer);
        setErrors({});
        setRestored(false);
        savedDraft.current = sending;
        if (!base.id) clearLocalCopy('new');
        if (draftRef.current === sending) {
          clearLocalCopy(saved.id);
          setSaveState({ kind: 'saved', at: new Date() });
        } else {
          // Typing went on during the save: that text is still unsaved.
          writeLocalCopy(saved.id, { draft: draftRef.current, baseVersion: saved.version, at: Date.now() });
          setSaveState({ kind: 'dirty' });
        }
        if (sending.slugAuto && draftRef.current.slugAuto && saved.slug !== draftRef.current.slug) {
          draftRef.current = { ...draftRef.current, slug: saved.slug };
          setDraft(draftRef.current);
        }
        // Same screen, new address: the editor keeps its cursor and undo history.
        if (!base.id) window.history.replaceState(null, '', `/dashboard/articles/${saved.id}`);
        return saved;
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [showConflict],
  );

  // Autosave: drafts a few seconds after typing stops. A live article changes
  // what readers see, so it is saved only when someone presses Update.
  const hasContent = draft.headline.trim() !== '' || words > 0;
  useEffect(() => {
    if (saveState.kind !== 'dirty' || !editable || live || !hasContent || conflict) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [draft, saveState.kind, editable, live, hasContent, conflict, save]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (editable) void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, editable]);

  useEffect(() => {
    const dirty = saveState.kind === 'dirty' || saveState.kind === 'failed' || saveState.kind === 'saving';
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState.kind]);

  const move = async (action: WorkflowAction, localTime?: string) => {
    setBusy(action);
    setNotice(null);
    try {
      let publishAt: string | undefined;
      if (action === 'schedule') {
        const at = localTime ? newsroomTimeToUtc(localTime, timeZone) : null;
        if (!at) return setErrors({ publishAt: 'Choose the date and time to publish.' });
        publishAt = at.toISOString();
      }
      const dirty = !serverRef.current.id || draftRef.current !== savedDraft.current || saveState.kind === 'failed';
      if (dirty && action !== 'trash' && action !== 'purge' && action !== 'restore' && !(await save())) return;
      const { id, version } = serverRef.current;
      if (!id) return;
      const result = await MOVE_ACTIONS[action]({ id, baseVersion: version ?? undefined, publishAt }).catch(() => null);
      if (!result) return setNotice('The request did not reach the server. Try again.');
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return setNotice(result.error);
      }
      if (!result.data) {
        clearLocalCopy(id);
        router.push('/dashboard?deleted=1');
        return;
      }
      const nextServer = { id, version: result.data.version, status: result.data.status, slug: result.data.slug, publishedAt: result.data.publishedAt };
      serverRef.current = nextServer;
      setServer(nextServer);
      setErrors({});
      setNotice(action === 'schedule' && result.data.publishedAt ? `Scheduled for ${formatDateTimeIn(new Date(result.data.publishedAt), timeZone)}.` : MOVE_DONE[action]);
    } finally {
      setBusy(null);
    }
  };

  const keepMine = async () => {
    if (!conflict) return;
    const theirs = conflict.theirs;
    serverRef.current = { ...serverRef.current, version: theirs.version };
    setServer(serverRef.current);
    setConflict(null);
    const saved = await save({ overwrite: true });
    if (saved) setNotice('Your text was saved. The other version is in the article’s history.');
  };

  const useTheirs = () => {
    if (!conflict) return;
    const { theirs, mine } = conflict;
    writeLocalCopy(`${serverRef.current.id}:mine`, { draft: mine, baseVersion: null, at: Date.now() });
    const next = { ...draftRef.current, headline: theirs.headline, dek: theirs.dek, body: theirs.body };
    draftRef.current = next;
    savedDraft.current = next;
    serverRef.current = { ...serverRef.current, version: theirs.version };
    setServer(serverRef.current);
    setDraft(next);
    setEditorKey((k) => k + 1);
    setMergeSource(mine);
    setConflict(null);
    clearLocalCopy(serverRef.current.id!);
    setSaveState({ kind: 'clean' });
  };

  const discardRestored = () => {
    clearLocalCopy(localKey);
    draftRef.current = article.draft;
    setDraft(article.draft);
    setEditorKey((k) => k + 1);
    setRestored(false);
    setSaveState({ kind: 'clean' });
  };

  const moves = server.id ? availableMoves(me, { authorId: article.authorId, status: server.status }) : [];

  return (
    <div>
      <div className="sticky top-0 z-20 -mx-4 mb-4 flex flex-col gap-2 border-b border-rule bg-paper/95 px-4 py-2 backdrop-blur">
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/dashboard" className="text-sm underline">
            ← Articles
          </Link>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[server.status]}`} data-testid="article-status">
            {STATUS_LABEL[server.status]}
          </span>
          {server.status === 'scheduled' && server.publishedAt && (
            <span className="text-sm">
              for <time dateTime={server.publishedAt}>{formatDateTimeIn(new Date(server.publishedAt), timeZone)}</time>
            </span>
          )}
          <SaveIndicator state={saveState} onRetry={() => void save()} />
          <span className="text-sm text-muted" aria-live="polite">
            {words} {words === 1 ? 'word' : 'words'}
          </span>
          <div className="ml-auto flex flex-wrap items-center gap-2">
            {server.id && (
              <Link href={`/dashboard/articles/${server.id}/history`} className="text-sm underline">
                History
              </Link>
            )}
            {server.status === 'published' && (
              <Link href={`/articles/${server.slug}`} className="rounded border border-rule px-3 py-1.5 text-sm" target="_blank">
                View live
              </Link>
            )}
            {editable && (
              <button type="button" onClick={() => void save()} disabled={saveState.kind === 'saving'} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold disabled:opacity-50">
                {live ? 'Update' : 'Save draft'}
              </button>
            )}
          </div>
        </div>
        {moves.length > 0 && (
          <WorkflowBar moves={moves} busy={busy} onMove={(action, at) => void move(action, at)} timeZone={timeZone} scheduledFor={server.status === 'scheduled' ? server.publishedAt : null} />
        )}
      </div>

      {lock.state === 'held-by-other' && lock.holder && (
        <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <span>
            <strong>{lock.holder.name}</strong> is editing this article. You can read it; to edit, take over (their unsaved text stays in their browser).
          </span>
          <button type="button" onClick={() => void lock.takeOver()} className="rounded border border-amber-700 px-2 py-1 font-semibold">
            Take over
          </button>
        </div>
      )}
      {lock.state === 'lost' && (
        <p role="alert" className="mb-4 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {lock.holder?.name ?? 'Someone else'} took over this article. Your unsaved text is kept in this browser; reload to see theirs.
        </p>
      )}
      {!canEdit && server.status !== 'trashed' && (
        <p className="mb-4 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {server.status === 'in_review' ? 'This article is with an editor for review.' : 'This article is published: only an editor can change it now.'}
        </p>
      )}
      {server.status === 'trashed' && (
        <p className="mb-4 rounded border border-red-500 bg-red-50 px-3 py-2 text-sm text-red-900">This article is in the trash. Restore it to edit it again.</p>
      )}
      {conflict && (
        <ConflictPanel
          mine={{ headline: conflict.mine.headline, dek: conflict.mine.dek, text: documentText(conflict.mine.body) }}
          theirs={conflict.theirs}
          timeZone={timeZone}
          busy={saveState.kind === 'saving'}
          onKeepMine={() => void keepMine()}
          onUseTheirs={useTheirs}
        />
      )}
      {restored && (
        <div role="status" className="mb-4 flex flex-wrap items-center gap-3 rounded border border-sky-600 bg-sky-50 px-3 py-2 text-sm text-sky-950">
          Unsaved changes from this browser were restored. Save to keep them.
          <button type="button" onClick={discardRestored} className="underline">
            Discard them
          </button>
        </div>
      )}
      {notice && (
        <p role="status" className="mb-4 rounded border border-rule bg-panel px-3 py-2 text-sm">
          {notice}
        </p>
      )}
      {errors.publishAt && (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          {errors.publishAt}
        </p>
      )}
      {errors.form && (
        <p role="alert" className="mb-4 text-sm text-red-700">
          {errors.form}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {mergeSource && (
            <section aria-labelledby="merge-heading" className="rounded border border-sky-600 bg-sky-50 p-3 text-sm text-sky-950">
              <div className="flex items-center justify-between gap-2">
                <h2 id="merge-heading" className="font-semibold">
                  Your earlier text, to copy from
                </h2>
                <button type="button" className="underline" onClick={() => setMergeSource(null)}>
                  Done merging
                </button>
              </div>
              <p className="mt-1 font-serif font-bold">{mergeSource.headline}</p>
              <div className="mt-1 max-h-64 overflow-y-auto font-serif whitespace-pre-wrap">{documentText(mergeSource.body)}</div>
            </section>
          )}
          <Field label="Headline" error={errors.headline}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={LIMITS.headline}
                value={draft.headline}
                readOnly={!editable}
                onChange={(e) => update({ headline: e.target.value.replace(/\n/g, ' ') })}
                className={`${inputClass} resize-none font-serif text-2xl font-bold sm:text-3xl`}
                placeholder="Headline"
              />
            )}
          </Field>
          <Field label="Standfirst" hint="One or two sentences under the headline." error={errors.dek}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={LIMITS.dek}
                value={draft.dek}
                readOnly={!editable}
                onChange={(e) => update({ dek: e.target.value.replace(/\n/g, ' ') })}
                className={`${inputClass} resize-none font-serif text-lg`}
              />
            )}
          </Field>
          <div>
            {errors.body && (
              <p id="body-error" role="alert" className="mb-2 text-sm font-medium text-red-700 dark:text-red-400">
                {errors.body}
              </p>
            )}
            <RichTextEditor
              key={editorKey}
              initialContent={draft.body}
              editable={editable}
              invalid={Boolean(errors.body)}
              describedBy={errors.body ? 'body-error' : undefined}
              onChange={(body, count) => {
                setWords(count);
                update({ body });
              }}
            />
          </div>
        </div>

        <aside className="flex flex-col gap-4" aria-label="Article settings">
          <Field label="Slug" hint={`/articles/${draft.slug || '…'}${draft.slugAuto ? ' (made from the headline; edit to choose your own)' : ''}`} error={errors.slug}>
            {(props) => (
              <div className="flex gap-2">
                <input
                  {...props}
                  value={draft.slug}
                  readOnly={!editable}
                  maxLength={LIMITS.slug}
                  onChange={(e) => update({ slug: e.target.value.toLowerCase(), slugAuto: false })}
                  className={`${inputClass} font-mono text-sm`}
                />
                {!draft.slugAuto && editable && (
                  <button type="button" className="text-xs underline" onClick={() => update({ slugAuto: true })}>
                    Reset
                  </button>
                )}
              </div>
            )}
          </Field>
          <Field label="Section" error={errors.sectionId}>
            {(props) => (
              <select {...props} value={draft.sectionId ?? ''} disabled={!editable} onChange={(e) => update({ sectionId: e.target.value || null })} className={inputClass}>
                <option value="">Choose a section…</option>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <BylinePicker value={draft.bylines} staff={staff} disabled={!editable} error={errors.bylines} onChange={(bylines) => update({ bylines })} />
          <TagInput value={draft.tags} suggestions={knownTags} disabled={!editable} error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith('tags.'))?.[1]} onChange={(tags) => update({ tags })} />
          <LeadImageFields draft={draft} errors={errors} disabled={!editable} update={update} />
          {server.id && notes && <NotesPanel articleId={server.id} initialNotes={notes} timeZone={timeZone} me={me} />}
          {sidebarExtra}
        </aside>
      </div>
    </div>
  );
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <span role="status" aria-live="polite" className="text-sm" data-testid="save-state">
      {state.kind === 'clean' && <span className="text-muted">No changes</span>}
      {state.kind === 'dirty' && <span className="text-muted">Unsaved changes</span>}
      {state.kind === 'saving' && <span>Saving…</span>}
      {state.kind === 'saved' && <span className="text-emerald-700 dark:text-emerald-400">Saved</span>}
      {state.kind === 'failed' && (
        <span className="text-red-700 dark:text-red-400">
          Failed: {state.message}{' '}
          {!state.conflict && (
            <button type="button" onClick={onRetry} className="font-semibold underline">
              Retry
            </button>
          )}
        </span>
      )}
    </span>
  );
}

function LeadImageFields({ draft, errors, disabled, update }: { draft: EditorDraft; errors: FieldErrors; disabled: boolean; update: (patch: Partial<EditorDraft>) => void }) {
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    const result = await uploadImage(file);
    setUploading(false);
    if (result.ok) update({ leadImage: result.image });
    else setUploadError(result.error);
  };
  return (
    <fieldset className="flex flex-col gap-3 rounded border border-rule p-3">
      <legend className="px-1 text-sm font-semibold">Lead image</legend>
      {draft.leadImage ? (
        <div>
          {/* eslint-disable-next-line @next/next/no-img-element -- a preview of the stored upload */}
          <img src={draft.leadImage.src} alt="" width={draft.leadImage.width} height={draft.leadImage.height} className="h-auto w-full rounded" />
          <p className="mt-1 text-xs text-muted">
            {draft.leadImage.width} × {draft.leadImage.height}
          </p>
          {!disabled && (
            <button type="button" className="mt-1 text-xs text-red-700 underline dark:text-red-400" onClick={() => update({ leadImage: null })}>
              Remove lead image
            </button>
          )}
        </div>
      ) : null}
      {!disabled && (
        <Field label={draft.leadImage ? 'Replace lead image' : 'Upload lead image'} hint="JPEG, PNG, WebP or GIF, up to 10 MB." error={uploadError ?? errors.leadImageId}>
          {(props) => <input {...props} type="file" accept="image/jpeg,image/png,image/webp,image/gif" disabled={uploading} onChange={(e) => void onFile(e.target.files?.[0])} className="text-sm" />}
        </Field>
      )}
      {uploading && <p className="text-sm">Uploading…</p>}
      <Field label="Lead image caption" error={errors.leadImageCaption}>
        {(props) => <textarea {...props} rows={2} maxLength={LIMITS.caption} value={draft.leadImageCaption} readOnly={disabled} onChange={(e) => update({ leadImageCaption: e.target.value })} className={`${inputClass} text-sm`} />}
      </Field>
      <Field label="Lead image credit" error={errors.leadImageCredit}>
        {(props) => <input {...props} maxLength={LIMITS.credit} value={draft.leadImageCredit} readOnly={disabled} onChange={(e) => update({ leadImageCredit: e.target.value })} className={`${inputClass} text-sm`} />}
      </Field>
      <Field label="Lead image alt text" hint="What the picture shows, for readers who cannot see it." error={errors.leadImageAlt}>
        {(props) => <textarea {...props} rows={2} maxLength={LIMITS.alt} value={draft.leadImageAlt} readOnly={disabled} onChange={(e) => update({ leadImageAlt: e.target.value })} className={`${inputClass} text-sm`} />}
      </Field>
    </fieldset>
  );
}
