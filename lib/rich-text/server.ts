import { getSchema, type JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import sanitizeHtml from 'sanitize-html';
import { articleExtensions } from './extensions';
import { countWords, documentText } from './text';
import { isMediaSrc, isSafeHref } from './urls';
import { validateDocument } from './validate';

export { validateDocument };

const schema = getSchema(articleExtensions);

// Widths the Next.js image optimiser serves (its default deviceSizes).
const IMAGE_WIDTHS = [640, 828, 1080, 1200, 1920];
const BODY_IMAGE_SIZES = '(min-width: 768px) 42rem, 100vw';

function optimisedUrl(src: string, width: number) {
  return `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=75`;
}

function escapeAttr(value: string) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(value: string) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderFigure(attrs: Record<string, unknown>): string {
  const src = String(attrs.src ?? '');
  if (!isMediaSrc(src)) return '';
  const width = Number(attrs.width) || 1200;
  const height = Number(attrs.height) || 800;
  const widths = IMAGE_WIDTHS.filter((w) => w <= width);
  if (widths.length === 0) widths.push(IMAGE_WIDTHS[0]);
  const srcset = widths.map((w) => `${optimisedUrl(src, w)} ${w}w`).join(', ');
  const caption = String(attrs.caption ?? '').trim();
  const credit = String(attrs.credit ?? '').trim();
  const figcaption =
    caption || credit
      ? `<figcaption>${caption ? `<span class="caption">${escapeText(caption)}</span>` : ''}${
          credit ? ` <span class="credit">${escapeText(credit)}</span>` : ''
        }</figcaption>`
      : '';
  return `<figure class="figure"><img src="${escapeAttr(optimisedUrl(src, widths.at(-1)!))}" srcset="${escapeAttr(
    srcset,
  )}" sizes="${BODY_IMAGE_SIZES}" alt="${escapeAttr(String(attrs.alt ?? ''))}" width="${width}" height="${height}" loading="lazy" decoding="async">${figcaption}</figure>`;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'aside', 'figure', 'figcaption', 'img', 'span', 'hr', 'br'],
  allowedAttributes: {
    a: ['href'],
    ol: ['start'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
    aside: ['class'],
    figure: ['class'],
    span: ['class'],
  },
  allowedClasses: { aside: ['pull-quote'], figure: ['figure'], span: ['caption', 'credit'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  exclusiveFilter: (frame) => frame.tag === 'img' && !String(frame.attribs.src ?? '').startsWith('/_next/image?url=%2Fmedia%2F'),
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href;
      if (!isSafeHref(href)) return { tagName: 'span', attribs: {} };
      const external = /^https?:/i.test(href);
      const out: sanitizeHtml.Attributes = external ? { href, rel: 'noopener' } : { href };
      return { tagName, attribs: out };
    },
  },
};
SANITIZE.allowedAttributes = { ...(SANITIZE.allowedAttributes as Record<string, string[]>), a: ['href', 'rel'] };

// Empty paragraphs and headings are editing leftovers (Enter pressed twice, a
// trailing line): readers would see gaps or an empty heading.
function withoutEmptyBlocks(doc: JSONContent): JSONContent {
  const content = (doc.content ?? []).filter((block) => !((block.type === 'paragraph' || block.type === 'heading') && !block.content?.length));
  return { ...doc, content: content.length ? content : [{ type: 'paragraph' }] };
}

export interface RenderedBody {
  html: string;
  text: string;
  wordCount: number;
}

/**
 * Renders a validated document to reader HTML. Runs once per save, never per
 * request; the output passes an allow-list sanitiser whatever the renderer did.
 */
export function renderArticleBody(doc: JSONContent): RenderedBody {
  const node = schema.nodeFromJSON(withoutEmptyBlocks(doc));
  const raw = renderToHTMLString({
    content: node,
    extensions: articleExtensions,
    options: {
      nodeMapping: {
        figure: ({ node: figure }) => renderFigure(figure.attrs),
      },
    },
  });
  const html = sanitizeHtml(raw, SANITIZE);
  const text = documentText(doc);
  return { html, text, wordCount: countWords(text) };
}

/** Sanitises HTML that did not come from the renderer (defence in depth for stored HTML). */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}
