import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { articleExtensions, HEADING_LEVELS } from './extensions';
import { isMediaSrc, isSafeHref } from './urls';

export const MAX_DOCUMENT_BYTES = 512 * 1024;
export const MAX_DOCUMENT_DEPTH = 12;
export const MAX_DOCUMENT_NODES = 20_000;
const MAX_TEXT_ATTR = 1_000;

let cached: Schema | undefined;
const articleSchema = () => (cached ??= getSchema(articleExtensions));

export type DocumentCheck = { ok: true; doc: JSONContent } | { ok: false; error: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an editor document against the editor's own schema: only known nodes,
 * marks and attributes, with safe values, within size and depth limits.
 * Anything else is refused, not repaired.
 */
export function validateDocument(input: unknown): DocumentCheck {
  const schema = articleSchema();
  let size: number;
  let nul = false;
  try {
    const json = JSON.stringify(input, (_key, value: unknown) => {
      if (typeof value === 'string' && value.includes('\u0000')) nul = true;
      return value;
    });
    size = Buffer.byteLength(json ?? '', 'utf8');
  } catch {
    return { ok: false, error: 'The article body is not a valid document.' };
  }
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, error: 'The article body is too long (over 512 KB).' };
  if (!isPlainObject(input) || input.type !== 'doc') return { ok: false, error: 'The article body is not a valid document.' };
  // PostgreSQL cannot store U+0000 in text or jsonb: refused here rather than failing the save.
  if (nul) return { ok: false, error: 'The article body contains a null character (U+0000). Paste the text again as plain text.' };

  let nodes = 0;
  const fail = (error: string): DocumentCheck => ({ ok: false, error });

  const checkAttrs = (kind: string, given: unknown, allowed: Record<string, unknown>): string | null => {
    if (given === undefined || given === null) return null;
    if (!isPlainObject(given)) return `The ${kind} has malformed attributes.`;
    for (const key of Object.keys(given)) {
      if (!Object.hasOwn(allowed, key)) return `The ${kind} has an attribute that is not allowed (${key}).`;
    }
    return null;
  };

  const walk = (node: unknown, depth: number): string | null => {
    if (++nodes > MAX_DOCUMENT_NODES) return 'The article body has too many elements.';
    if (depth > MAX_DOCUMENT_DEPTH) return 'The article body is nested too deeply.';
    if (!isPlainObject(node)) return 'The article body contains something that is not a node.';
    for (const key of Object.keys(node)) {
      if (!['type', 'attrs', 'content', 'marks', 'text'].includes(key)) return `The article body has an unknown field (${key}).`;
    }
    const typeName = node.type;
    if (typeof typeName !== 'string' || !schema.nodes[typeName]) return `The article body contains an element that is not allowed (${String(typeName)}).`;
    const type = schema.nodes[typeName];
    const attrError = checkAttrs(typeName, node.attrs, type.spec.attrs ?? {});
    if (attrError) return attrError;
    const attrs = (node.attrs ?? {}) as Record<string, unknown>;

    if (typeName === 'text') {
      if (typeof node.text !== 'string' || node.text.length === 0) return 'The article body has an empty or invalid text run.';
    } else if (node.text !== undefined) return 'Only text may carry text.';

    if (typeName === 'heading' && !HEADING_LEVELS.includes(attrs.level as 2 | 3)) return 'Headings in the body must be level 2 or 3.';
    if (typeName === 'orderedList' && attrs.start !== undefined && !(Number.isInteger(attrs.start) && (attrs.start as number) >= 0)) {
      return 'A numbered list has an invalid start.';
    }
    if (typeName === 'figure') {
      if (!isMediaSrc(attrs.src)) return 'An image in the body must be uploaded to Masthead.';
      for (const key of ['width', 'height']) {
        const n = attrs[key];
        if (!(Number.isInteger(n) && (n as number) > 0 && (n as number) <= 20_000)) return 'An image in the body has invalid dimensions.';
      }
      for (const key of ['alt', 'caption', 'credit']) {
        if (attrs[key] !== undefined && (typeof attrs[key] !== 'string' || (attrs[key] as string).length > MAX_TEXT_ATTR)) {
          return `An image's ${key} is invalid or too long.`;
        }
      }
      if (!String(attrs.alt ?? '').trim()) return 'Every image in the body needs alt text.';
    }

    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return 'The article body has malformed formatting.';
      for (const mark of node.marks) {
        if (!isPlainObject(mark) || typeof mark.type !== 'string' || !schema.marks[mark.type]) {
          return `The article body has formatting that is not allowed (${isPlainObject(mark) ? String(mark.type) : 'unknown'}).`;
        }
        for (const key of Object.keys(mark)) if (key !== 'type' && key !== 'attrs') return 'The article body has malformed formatting.';
        const markError = checkAttrs(mark.type, mark.attrs, schema.marks[mark.type].spec.attrs ?? {});
        if (markError) return markError;
        if (mark.type === 'link') {
          const href = (mark.attrs as Record<string, unknown> | undefined)?.href;
          if (!isSafeHref(href)) return `A link points somewhere not allowed (${String(href).slice(0, 80)}). Links must be http(s), mailto or a path on this site.`;
          const linkAttrs = mark.attrs as Record<string, unknown>;
          for (const key of ['target', 'rel', 'class', 'title']) {
            if (linkAttrs[key] !== undefined && linkAttrs[key] !== null && typeof linkAttrs[key] !== 'string') return 'A link has invalid attributes.';
          }
        }
      }
    }

    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return 'The article body has malformed content.';
      for (const child of node.content) {
        const error = walk(child, depth + 1);
        if (error) return error;
      }
    }
    return null;
  };

  const error = walk(input, 0);
  if (error) return fail(error);

  try {
    schema.nodeFromJSON(input).check();
  } catch {
    return fail('The article body does not fit the editor’s structure (an element is in a place it cannot be).');
  }
  return { ok: true, doc: input as JSONContent };
}
