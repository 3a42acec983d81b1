'use client';

import type { JSONContent } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, ReactNodeViewRenderer, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { articleExtensions, Figure } from '@/lib/rich-text/extensions';
import { countWords } from '@/lib/rich-text/text';
import { normaliseHref } from '@/lib/rich-text/urls';
import { FigureView } from './figure-view.client';
import { uploadImage } from './upload';

// Same schema as the server's list; only the in-editor view of a figure differs.
const editorExtensions = [
  ...articleExtensions.filter((extension) => extension.name !== 'figure'),
  Figure.extend({ addNodeView: () => ReactNodeViewRenderer(FigureView) }),
  Placeholder.configure({ placeholder: 'Write the story…' }),
];

export function wordCountOf(editor: Editor): number {
  return countWords(editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', ' '));
}

type Panel = null | 'link' | 'image';

export function RichTextEditor({
  initialContent,
  onChange,
  editable = true,
  invalid,
  describedBy,
}: {
  initialContent: JSONContent;
  onChange: (doc: JSONContent, words: number) => void;
  editable?: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const editor = useEditor({
    extensions: editorExtensions,
    content: initialContent,
    editable,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: 'tiptap article-body mx-auto py-4',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Article body',
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          setPanel('link');
          return true;
        }
        return false;
      },
    },
    // ProseMirror builds attrs on null-prototype objects, which a server action
    // would receive as opaque references: send plain JSON.
    onUpdate: ({ editor }) => onChange(JSON.parse(JSON.stringify(editor.getJSON())) as JSONContent, wordCountOf(editor)),
  });

  // Becoming read-only (someone took over) or editable again keeps the cursor and undo history.
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className="rounded border border-rule bg-panel">
      {editor && <Toolbar editor={editor} panel={panel} setPanel={setPanel} disabled={!editable} />}
      {editor && panel === 'link' && <LinkPanel editor={editor} close={() => setPanel(null)} />}
      {editor && panel === 'image' && <ImagePanel editor={editor} close={() => setPanel(null)} />}
      <div className="px-4 sm:px-8">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

function ToolButton({ label, shortcut, active, disabled, onClick, children }: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-sm font-medium hover:bg-rule disabled:opacity-40 ${active ? 'bg-ink text-paper hover:bg-ink' : ''}`}
    >
      {children}
    </button>
  );
}

function Toolbar({ editor, panel, setPanel, disabled }: { editor: Editor; panel: Panel; setPanel: (panel: Panel) => void; disabled: boolean }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      paragraph: e.isActive('paragraph'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      pullQuote: e.isActive('pullQuote'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const divider = <span aria-hidden="true" className="mx-1 h-5 w-px bg-rule" />;
  return (
    <div role="toolbar" aria-label="Formatting" className="sticky top-0 z-10 flex flex-wrap items-center gap-0.5 border-b border-rule bg-panel p-1.5">
      <ToolButton label="Paragraph" active={state.paragraph} disabled={disabled} onClick={() => chain().setParagraph().run()}>
        ¶
      </ToolButton>
      <ToolButton label="Heading 2" active={state.h2} disabled={disabled} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label="Heading 3" active={state.h3} disabled={disabled} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      {divider}
      <ToolButton label="Bold" shortcut="Ctrl+B" active={state.bold} disabled={disabled} onClick={() => chain().toggleBold().run()}>
        <strong>B</strong>
      </ToolButton>
      <ToolButton label="Italic" shortcut="Ctrl+I" active={state.italic} disabled={disabled} onClick={() => chain().toggleItalic().run()}>
        <em className="font-serif">I</em>
      </ToolButton>
      <ToolButton label="Link" shortcut="Ctrl+K" active={state.link || panel === 'link'} disabled={disabled} onClick={() => setPanel(panel === 'link' ? null : 'link')}>
        Link
      </ToolButton>
      {divider}
      <ToolButton label="Bullet list" active={state.bulletList} disabled={disabled} onClick={() => chain().toggleBulletList().run()}>
        • List
      </ToolButton>
      <ToolButton label="Numbered list" active={state.orderedList} disabled={disabled} onClick={() => chain().toggleOrderedList().run()}>
        1. List
      </ToolButton>
      <ToolButton label="Quote" active={state.blockquote} disabled={disabled} onClick={() => chain().toggleBlockquote().run()}>
        “ Quote
      </ToolButton>
      <ToolButton label="Pull quote" active={state.pullQuote} disabled={disabled} onClick={() => chain().togglePullQuote().run()}>
        Pull quote
      </ToolButton>
      {divider}
      <ToolButton label="Image" active={panel === 'image'} disabled={disabled} onClick={() => setPanel(panel === 'image' ? null : 'image')}>
        Image
      </ToolButton>
      <ToolButton label="Horizontal rule" disabled={disabled} onClick={() => chain().setHorizontalRule().run()}>
        ―
      </ToolButton>
      {divider}
      <ToolButton label="Undo" shortcut="Ctrl+Z" disabled={disabled || !state.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo" shortcut="Ctrl+Shift+Z" disabled={disabled || !state.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolButton>
    </div>
  );
}

function LinkPanel({ editor, close }: { editor: Editor; close: () => void }) {
  const id = useId();
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (!value.trim()) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      close();
      return;
    }
    const href = normaliseHref(value);
    if (!href) {
      setError('Enter a web address (https://…), an email address, or a path on this site (/tags/…).');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    close();
  };
  return (
    <div className="flex flex-wrap items-start gap-2 border-b border-rule bg-paper p-2">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor={id} className="sr-only">
          Link address
        </label>
        <input
          id={id}
          autoFocus
          value={value}
          placeholder="https://example.org/report"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
            if (e.key === 'Escape') close();
          }}
          className="rounded border border-rule bg-panel px-2 py-1 text-sm aria-[invalid=true]:border-red-600"
        />
        {error && (
          <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <button type="button" onClick={apply} className="rounded bg-ink px-2 py-1 text-sm font-semibold text-paper">
        Apply link
      </button>
      {current && (
        <button
          type="button"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            close();
          }}
          className="rounded border border-rule px-2 py-1 text-sm"
        >
          Remove link
        </button>
      )}
      <button type="button" onClick={close} className="px-2 py-1 text-sm underline">
        Cancel
      </button>
    </div>
  );
}

function ImagePanel({ editor, close }: { editor: Editor; close: () => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [credit, setCredit] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const insert = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError('Choose an image file.');
    if (!alt.trim()) return setError('Describe the image in the alt text for readers who cannot see it.');
    setBusy(true);
    setError(null);
    const result = await uploadImage(file);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const { src, width, height } = result.image;
    editor.chain().focus().insertFigure({ src, width, height, alt: alt.trim(), caption: caption.trim(), credit: credit.trim() }).run();
    close();
  };
  const field = 'rounded border border-rule bg-panel px-2 py-1 text-sm';
  return (
    <div className="grid gap-2 border-b border-rule bg-paper p-2 sm:grid-cols-2" role="group" aria-label="Insert image">
      <label className="flex flex-col gap-0.5 text-xs font-semibold sm:col-span-2">
        Image file
        <input ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp,image/gif" className="text-sm font-normal" />
      </label>
      <label className="flex flex-col gap-0.5 text-xs font-semibold">
        Alt text
        <input value={alt} onChange={(e) => setAlt(e.target.value)} maxLength={300} className={field} />
      </label>
      <label className="flex flex-col gap-0.5 text-xs font-semibold">
        Credit
        <input value={credit} onChange={(e) => setCredit(e.target.value)} maxLength={150} className={field} />
      </label>
      <label className="flex flex-col gap-0.5 text-xs font-semibold sm:col-span-2">
        Caption
        <input value={caption} onChange={(e) => setCaption(e.target.value)} maxLength={400} className={field} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2 dark:text-red-400">
          {error}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <button type="button" onClick={insert} disabled={busy} className="rounded bg-ink px-2 py-1 text-sm font-semibold text-paper disabled:opacity-50">
          {busy ? 'Uploading…' : 'Insert image'}
        </button>
        <button type="button" onClick={close} className="px-2 py-1 text-sm underline">
          Cancel
        </button>
      </div>
    </div>
  );
}
