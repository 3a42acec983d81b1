import type { JSONContent } from '@tiptap/core';

/** Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens; 1,200 is one word. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:(?:['’\-.]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'pullQuote', 'figure']);

/** Plain text of a document, a block a line; figure captions count as text. */
export function documentText(doc: JSONContent): string {
  const out: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === 'text') out.push(node.text ?? '');
    else if (node.type === 'hardBreak') out.push(' ');
    else if (node.type === 'figure') out.push(`${node.attrs?.caption ?? ''} ${node.attrs?.credit ?? ''}`.trim());
    node.content?.forEach(walk);
    if (node.type && BLOCKS.has(node.type)) out.push('\n');
  };
  walk(doc);
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{2,}/g, '\n').trim();
}

export const EMPTY_DOC: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] };
