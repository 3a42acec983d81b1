'use client';

import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';

/** An inline image in the editor, with its alt text, caption and credit editable in place. */
export function FigureView({ node, updateAttributes, selected, deleteNode }: ReactNodeViewProps) {
  const { src, alt, caption, credit, width, height } = node.attrs as { src: string; alt: string; caption: string; credit: string; width: number; height: number };
  const field = 'w-full rounded border border-rule bg-panel px-2 py-1 font-sans text-sm';
  return (
    <NodeViewWrapper as="figure" className={`my-6 rounded p-2 ${selected ? 'outline-2 outline-accent' : ''}`} data-drag-handle="">
      {/* eslint-disable-next-line @next/next/no-img-element -- the editor shows the stored original */}
      <img src={src} alt={alt} width={width} height={height} className="h-auto w-full" draggable={false} />
      <div className="mt-2 grid gap-2 sm:grid-cols-2" contentEditable={false}>
        <label className="flex flex-col gap-0.5 text-xs font-semibold sm:col-span-2">
          Image caption
          <input className={field} value={caption} maxLength={400} onChange={(e) => updateAttributes({ caption: e.target.value })} />
        </label>
        <label className="flex flex-col gap-0.5 text-xs font-semibold">
          Image credit
          <input className={field} value={credit} maxLength={150} onChange={(e) => updateAttributes({ credit: e.target.value })} />
        </label>
        <label className="flex flex-col gap-0.5 text-xs font-semibold">
          Image alt text
          <input className={field} value={alt} maxLength={300} required onChange={(e) => updateAttributes({ alt: e.target.value })} aria-invalid={!alt.trim() || undefined} />
        </label>
        <button type="button" onClick={deleteNode} className="justify-self-start text-xs text-red-700 underline dark:text-red-400">
          Remove image
        </button>
      </div>
    </NodeViewWrapper>
  );
}
