import { randomUUID } from 'node:crypto';
import { getSchema, type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { articleExtensions } from '@/lib/rich-text/extensions';
import { renderArticleBody, sanitizeBodyHtml } from '@/lib/rich-text/server';
import { countWords, documentText } from '@/lib/rich-text/text';
import { isMediaSrc, isSafeHref, normaliseHref } from '@/lib/rich-text/urls';
import { MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_NODES, validateDocument } from '@/lib/rich-text/validate';
import { XSS_PAYLOADS as SHARED_PAYLOADS } from '../fixtures/xss-payloads';

// ------------------------------------------------------------------ builders

type Mark = { type: string; attrs?: Record<string, unknown> };
const text = (value: string, ...marks: Mark[]): JSONContent => (marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const p = (...content: JSONContent[]): JSONContent => (content.length ? { type: 'paragraph', content } : { type: 'paragraph' });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const ul = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items });
const ol = (start: number, ...items: JSONContent[]): JSONContent => ({ type: 'orderedList', attrs: { start }, content: items });
const blockquote = (...content: JSONContent[]): JSONContent => ({ type: 'blockquote', content });
const pullQuote = (...content: JSONContent[]): JSONContent => ({ type: 'pullQuote', content });
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
const bold: Mark = { type: 'bold' };
const italic: Mark = { type: 'italic' };
const mediaSrc = (ext = 'jpg') => `/media/${randomUUID()}.${ext}`;
const figure = (attrs: Record<string, unknown> = {}): JSONContent => ({
  type: 'figure',
  attrs: { src: mediaSrc(), alt: 'Fishing boats moored in the harbour', caption: 'The harbour at dawn.', credit: 'Ana Pires', width: 1600, height: 1067, ...attrs },
});

const refusal = (input: unknown) => {
  const result = validateDocument(input);
  return result.ok ? null : result.error;
};

// A small HTML tag scanner for the sanitiser's output. The sanitiser escapes
// every `<` in text and attribute values, so every `<` left is a tag.
interface Tag {
  name: string;
  attrs: Record<string, string>;
}
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  const tagPattern = /<\/?([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*\/?>/g;
  let covered = 0;
  for (const match of html.matchAll(tagPattern)) {
    covered++;
    const attrs: Record<string, string> = {};
    for (const a of match[2].matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? '');
    tags.push({ name: match[1].toLowerCase(), attrs });
  }
  // Every `<` must belong to a tag the scanner understood, or the checks below would be blind.
  expect(covered, `unscanned markup in: ${html}`).toBe((html.match(/</g) ?? []).length);
  return tags;
}
function decodeEntities(value: string) {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const ALLOWED_TAGS = new Set(['p', 'h2', 'h3', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'blockquote', 'aside', 'figure', 'figcaption', 'img', 'span', 'hr', 'br']);
const DANGEROUS_URL = /^\s*(javascript|data|vbscript|file|blob):|^\s*\/\/|javascript:|vbscript:|data:/i;

/** What no reader HTML may ever contain, whatever went into the document. */
function expectHarmless(html: string) {
  expect(html).not.toMatch(/<\s*script/i);
  expect(html).not.toMatch(/<\s*(iframe|object|embed|svg|math|style|link|meta|base|form|input|video|audio|details|body|marquee|isindex)\b/i);
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS, `unexpected <${tag.name}> in: ${html}`).toContain(tag.name);
    for (const [name, value] of Object.entries(tag.attrs)) {
      expect(name, `event handler attribute in: ${html}`).not.toMatch(/^on/);
      expect(['style', 'formaction', 'action', 'xlink:href', 'target']).not.toContain(name);
      if (name === 'href' || name === 'src') expect(value, `dangerous ${name} in: ${html}`).not.toMatch(DANGEROUS_URL);
      if (name === 'srcset') for (const candidate of value.split(',')) expect(candidate.trim()).not.toMatch(DANGEROUS_URL);
      if (name === 'src' || name === 'srcset') expect(value).toMatch(/^\/_next\/image\?url=%2Fmedia%2F/);
    }
  }
}

// ------------------------------------------------------------ validateDocument

describe('the editor schema on its own', () => {
  // Why validateDocument walks the document itself before ProseMirror's check:
  // nodeFromJSON drops attributes it does not know without a word and keeps any href.
  const schema = getSchema(articleExtensions);
  const hostile = doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [text('x', { type: 'link', attrs: { href: 'javascript:alert(1)', onclick: 'alert(2)' } })] });

  it('silently drops unknown attributes and keeps a javascript: href, so both are checked before it', () => {
    const node = schema.nodeFromJSON(hostile);
    expect(() => node.check()).not.toThrow();
    expect(JSON.stringify(node.toJSON())).not.toContain('onclick');
    expect(JSON.stringify(node.toJSON())).toContain('javascript:alert(1)');
    expect(refusal(hostile)).toMatch(/not allowed \(onclick\)/);
  });

  it('throws on unknown nodes and marks, which validateDocument turns into a message', () => {
    expect(() => schema.nodeFromJSON(doc({ type: 'script' }))).toThrow(/Unknown node type/);
    expect(() => schema.nodeFromJSON(doc(p(text('x', { type: 'underline' }))))).toThrow(/no mark type/);
    expect(refusal(doc({ type: 'script' }))).toMatch(/not allowed \(script\)/);
  });

  it('is the schema the editor edits with: the same extension list', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(['blockquote', 'bulletList', 'doc', 'figure', 'hardBreak', 'heading', 'horizontalRule', 'listItem', 'orderedList', 'paragraph', 'pullQuote', 'text']);
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link']);
  });
});

describe('validateDocument', () => {
  const everything = doc(
    heading(2, 'What the board decided'),
    heading(3, 'The vote'),
    p(text('Plain, '), text('bold', bold), text(' and '), text('italic', italic), text(' and '), text('both', bold, italic), text('.')),
    p(text('Read '), text('the minutes', link('https://example.com/minutes')), text(', '), text('write to us', link('mailto:desk@example.com')), text(' or see '), text('the archive', link('/archive'))),
    p(text('First line'), { type: 'hardBreak' }, text('second line')),
    ul(li(p(text('one'))), li(p(text('two')), ul(li(p(text('nested')))))),
    ol(3, li(p(text('three'))), li(p(text('four')))),
    blockquote(p(text('A quoted paragraph.'))),
    pullQuote(text('A line set large, '), text('partly italic', italic)),
    figure(),
    { type: 'horizontalRule' },
    p(),
  );

  it('accepts a document using every allowed node and mark', () => {
    const result = validateDocument(everything);
    expect(result).toEqual({ ok: true, doc: everything });
  });

  it.each([
    ['paragraph', doc(p(text('Hello')))],
    ['empty paragraph', doc(p())],
    ['heading level 2', doc(heading(2, 'Two'))],
    ['heading level 3', doc(heading(3, 'Three'))],
    ['bold', doc(p(text('b', bold)))],
    ['italic', doc(p(text('i', italic)))],
    ['https link', doc(p(text('l', link('https://example.com'))))],
    ['link with the attributes the editor sets', doc(p(text('l', { type: 'link', attrs: { href: 'https://example.com', target: null, rel: null, class: null, title: null } })))],
    ['bullet list', doc(ul(li(p(text('a')))))],
    ['ordered list', doc(ol(1, li(p(text('a')))))],
    ['blockquote', doc(blockquote(p(text('q'))))],
    ['pull quote', doc(pullQuote(text('pq')))],
    ['figure (jpg)', doc(figure())],
    ['figure (png)', doc(figure({ src: mediaSrc('png') }))],
    ['figure (webp)', doc(figure({ src: mediaSrc('webp') }))],
    ['figure (gif)', doc(figure({ src: mediaSrc('gif') }))],
    ['figure without caption or credit', doc(figure({ caption: '', credit: '' }))],
    ['horizontal rule', doc({ type: 'horizontalRule' })],
    ['hard break', doc(p(text('a'), { type: 'hardBreak' }, text('b')))],
  ])('accepts %s', (_name, input) => {
    expect(refusal(input)).toBeNull();
  });

  it.each([
    ['an unknown node type', doc({ type: 'script', content: [text('alert(1)')] }), /not allowed \(script\)/],
    ['an iframe node', doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }), /not allowed/],
    ['a code block (disabled in the editor)', doc({ type: 'codeBlock', content: [text('x')] }), /not allowed/],
    ['an image node other than figure', doc({ type: 'image', attrs: { src: 'https://evil.example/x.png' } }), /not allowed/],
    ['a node type borrowed from Object.prototype', doc({ type: 'constructor' }), /not allowed/],
    ['a node without a type', doc({ content: [text('x')] } as JSONContent), /not allowed/],
    ['an unknown mark', doc(p(text('x', { type: 'underline' }))), /formatting that is not allowed \(underline\)/],
    ['a strike mark (disabled in the editor)', doc(p(text('x', { type: 'strike' }))), /formatting that is not allowed/],
    ['a mark named after an Object.prototype property', doc(p(text('x', { type: 'toString' }))), /formatting that is not allowed/],
    ['marks that are not a list', doc(p({ type: 'text', text: 'x', marks: { type: 'bold' } } as unknown as JSONContent)), /malformed formatting/],
    ['a mark with an extra field', doc(p(text('x', { type: 'bold', style: 'color:red' } as Mark))), /malformed formatting/],
    ['an onclick attribute on a paragraph', doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [text('x')] }), /attribute that is not allowed \(onclick\)/],
    ['a style attribute on a heading', doc({ type: 'heading', attrs: { level: 2, style: 'x' }, content: [text('x')] }), /attribute that is not allowed \(style\)/],
    ['an onerror attribute on a figure', doc(figure({ onerror: 'alert(1)' })), /attribute that is not allowed \(onerror\)/],
    ['an onclick attribute on a link mark', doc(p(text('x', { type: 'link', attrs: { href: 'https://example.com', onclick: 'alert(1)' } }))), /not allowed \(onclick\)/],
    ['an attribute named constructor', doc({ type: 'paragraph', attrs: { constructor: 'x' }, content: [text('x')] }), /not allowed \(constructor\)/],
    ['an attribute named toString on a link', doc(p(text('x', { type: 'link', attrs: { href: 'https://example.com', toString: 'x' } }))), /not allowed \(toString\)/],
    ['an attribute named __proto__', JSON.parse('{"type":"doc","content":[{"type":"paragraph","attrs":{"__proto__":{"x":1}},"content":[{"type":"text","text":"x"}]}]}'), /not allowed \(__proto__\)/],
    ['attributes that are not an object', doc({ type: 'paragraph', attrs: 'onclick=alert(1)' } as unknown as JSONContent), /malformed attributes/],
    ['an unknown field on a node', doc({ type: 'paragraph', html: '<script>alert(1)</script>' } as JSONContent), /unknown field \(html\)/],
    ['text on a node that is not text', doc({ type: 'paragraph', text: 'x' }), /Only text may carry text/],
    ['an empty text run', doc(p({ type: 'text', text: '' })), /empty or invalid text/],
    ['a text run without text', doc(p({ type: 'text' })), /empty or invalid text/],
    ['a heading of level 1', doc(heading(1, 'Too big')), /level 2 or 3/],
    ['a heading of level 4', doc(heading(4, 'Too small')), /level 2 or 3/],
    ['a heading with the level as text', doc({ type: 'heading', attrs: { level: '2' }, content: [text('x')] }), /level 2 or 3/],
    ['a heading without a level', doc({ type: 'heading', content: [text('x')] }), /level 2 or 3/],
    ['a numbered list starting below zero', doc(ol(-1, li(p(text('x'))))), /invalid start/],
    ['a numbered list starting at a fraction', doc(ol(1.5, li(p(text('x'))))), /invalid start/],
    ['a figure with an external src', doc(figure({ src: 'https://evil.example/photo.jpg' })), /uploaded to Masthead/],
    ['a figure with a protocol-relative src', doc(figure({ src: '//evil.example/photo.jpg' })), /uploaded to Masthead/],
    ['a figure with a data: src', doc(figure({ src: 'data:image/png;base64,iVBORw0KGgo=' })), /uploaded to Masthead/],
    ['a figure with a javascript: src', doc(figure({ src: 'javascript:alert(1)' })), /uploaded to Masthead/],
    ['a figure with a media path that is not an image id', doc(figure({ src: '/media/../../etc/passwd.jpg' })), /uploaded to Masthead/],
    ['a figure with an svg from media', doc(figure({ src: mediaSrc('svg') })), /uploaded to Masthead/],
    ['a figure without alt text', doc(figure({ alt: undefined })), /needs alt text/],
    ['a figure with blank alt text', doc(figure({ alt: '   ' })), /needs alt text/],
    ['a figure with alt text that is not text', doc(figure({ alt: ['a'] })), /alt is invalid/],
    ['a figure with an over-long caption', doc(figure({ caption: 'x'.repeat(1001) })), /caption is invalid or too long/],
    ['a figure with zero width', doc(figure({ width: 0 })), /invalid dimensions/],
    ['a figure with dimensions as text', doc(figure({ height: '800' })), /invalid dimensions/],
    ['a figure with absurd dimensions', doc(figure({ width: 1_000_000 })), /invalid dimensions/],
  ])('refuses %s', (_name, input, error) => {
    expect(refusal(input)).toMatch(error);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/phish',
    '/\\evil.example/phish',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'https://',
    '',
  ])('refuses a link to %j', (href) => {
    expect(refusal(doc(p(text('click', link(href)))))).toMatch(/link points somewhere not allowed/);
  });

  it('refuses a link without an href', () => {
    expect(refusal(doc(p(text('click', { type: 'link' }))))).toMatch(/link points somewhere not allowed/);
  });

  it('refuses a link whose title is not text', () => {
    expect(refusal(doc(p(text('click', { type: 'link', attrs: { href: 'https://example.com', title: { toString: 'x' } } }))))).toMatch(/invalid attributes/);
  });

  it.each([
    ['text directly in the document', doc(text('loose text'))],
    ['a document with no blocks', doc()],
    ['a document without content', { type: 'doc' }],
    ['a paragraph inside a paragraph', doc(p(p(text('x')) as JSONContent))],
    ['a figure inside a paragraph', doc(p(figure()))],
    ['a list item outside a list', doc(li(p(text('x'))))],
    ['a list with text instead of items', doc({ type: 'bulletList', content: [text('x')] })],
    ['a horizontal rule with content', doc({ type: 'horizontalRule', content: [text('x')] })],
    ['bold inside a pull quote (only italic is allowed there)', doc(pullQuote(text('x', bold)))],
    ['a document nested in a document', doc(doc(p(text('x'))))],
    ['marks on a paragraph', doc({ type: 'paragraph', marks: [bold], content: [text('x')] })],
  ])('refuses %s', (_name, input) => {
    expect(refusal(input)).toMatch(/does not fit the editor|not allowed|not a node/);
  });

  it('refuses a document larger than 512 KB', () => {
    expect(refusal(doc(p(text('x'.repeat(520 * 1024)))))).toMatch(/too long/);
  });

  it('accepts a long article well under the size limit', () => {
    const long = doc(...Array.from({ length: 400 }, (_, i) => p(text(`Paragraph ${i} of a long investigation into the harbour accounts.`))));
    expect(refusal(long)).toBeNull();
  });

  it('refuses a document with too many elements', () => {
    const breaks = Array.from({ length: MAX_DOCUMENT_NODES }, () => ({ type: 'hardBreak' }));
    expect(refusal(doc(p(text('x'), ...breaks)))).toMatch(/too many elements/);
  });

  it('refuses nesting deeper than the limit and accepts nesting within it', () => {
    const nest = (levels: number): JSONContent => {
      let node = p(text('deep'));
      for (let i = 0; i < levels; i++) node = blockquote(node);
      return doc(node);
    };
    // doc (0) > blockquote × n (1..n) > paragraph (n+1) > text (n+2)
    expect(refusal(nest(MAX_DOCUMENT_DEPTH - 2))).toBeNull();
    expect(refusal(nest(MAX_DOCUMENT_DEPTH - 1))).toMatch(/nested too deeply/);
    expect(refusal(nest(200))).toMatch(/nested too deeply/);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"type":"doc"}'],
    ['a number', 42],
    ['an array', [{ type: 'doc' }]],
    ['a paragraph instead of a document', p(text('x'))],
    ['an object without a type', { content: [] }],
  ])('refuses %s as a document', (_name, input) => {
    expect(refusal(input)).toMatch(/not a valid document/);
  });

  it('refuses a document that cannot be serialised instead of throwing', () => {
    const cyclic: Record<string, unknown> = { type: 'doc', content: [] };
    (cyclic.content as unknown[]).push(cyclic);
    expect(refusal(cyclic)).toMatch(/not a valid document/);
    expect(refusal({ type: 'doc', content: [p(text('x'))], size: BigInt(1) })).toMatch(/not a valid document/);
  });
});

// ---------------------------------------------------------- renderArticleBody

describe('renderArticleBody', () => {
  const html = (...blocks: JSONContent[]) => renderArticleBody(doc(...blocks)).html;

  it('renders headings as h2 and h3', () => {
    expect(html(heading(2, 'The vote'), heading(3, 'Who voted'))).toBe('<h2>The vote</h2><h3>Who voted</h3>');
  });

  it('renders bold as strong and italic as em', () => {
    expect(html(p(text('a', bold), text(' b ', italic), text('c', bold, italic)))).toBe('<p><strong>a</strong><em> b </em><em><strong>c</strong></em></p>');
  });

  it('gives external links rel=noopener and leaves site and mail links alone', () => {
    expect(html(p(text('minutes', link('https://example.com/minutes?year=2024&page=2'))))).toBe(
      '<p><a href="https://example.com/minutes?year=2024&amp;page=2" rel="noopener">minutes</a></p>',
    );
    expect(html(p(text('archive', link('/archive'))))).toBe('<p><a href="/archive">archive</a></p>');
    expect(html(p(text('desk', link('mailto:desk@example.com'))))).toBe('<p><a href="mailto:desk@example.com">desk</a></p>');
  });

  it('drops link attributes a document may carry, such as target and class', () => {
    const out = html(p(text('x', { type: 'link', attrs: { href: 'https://example.com', target: '_blank', class: 'evil', rel: 'opener', title: 't' } })));
    expect(out).toBe('<p><a href="https://example.com" rel="noopener">x</a></p>');
  });

  it('renders a blockquote and a pull quote', () => {
    expect(html(blockquote(p(text('Said at the meeting.'))))).toBe('<blockquote><p>Said at the meeting.</p></blockquote>');
    expect(html(pullQuote(text('Set large'), text(' here', italic)))).toBe('<aside class="pull-quote"><p>Set large<em> here</em></p></aside>');
  });

  it('renders bullet and numbered lists, keeping the start number', () => {
    expect(html(ul(li(p(text('one'))), li(p(text('two')))))).toBe('<ul><li><p>one</p></li><li><p>two</p></li></ul>');
    expect(html(ol(3, li(p(text('three')))))).toBe('<ol start="3"><li><p>three</p></li></ol>');
  });

  it('renders a horizontal rule and a hard break', () => {
    expect(html({ type: 'horizontalRule' })).toBe('<hr />');
    expect(html(p(text('a'), { type: 'hardBreak' }, text('b')))).toBe('<p>a<br />b</p>');
  });

  it('renders a figure through the image optimiser with a srcset up to the image width', () => {
    const id = randomUUID();
    const out = html(figure({ src: `/media/${id}.jpg`, width: 1300, height: 866 }));
    const url = (w: number) => `/_next/image?url=%2Fmedia%2F${id}.jpg&amp;w=${w}&amp;q=75`;
    expect(out).toContain(`<img src="${url(1200)}"`);
    expect(out).toContain(`srcset="${url(640)} 640w, ${url(828)} 828w, ${url(1080)} 1080w, ${url(1200)} 1200w"`);
    expect(out).toContain('sizes="(min-width: 768px) 42rem, 100vw"');
    expect(out).toContain('alt="Fishing boats moored in the harbour"');
    expect(out).toContain('width="1300" height="866"');
    expect(out).toContain('<figcaption><span class="caption">The harbour at dawn.</span> <span class="credit">Ana Pires</span></figcaption>');
    expect(out).toMatch(/^<figure class="figure"><img [^>]+\/><figcaption>.*<\/figcaption><\/figure>$/);
  });

  it('serves a small figure at the smallest optimiser width', () => {
    const id = randomUUID();
    const out = html(figure({ src: `/media/${id}.png`, width: 300, height: 200 }));
    expect(out).toContain(`srcset="/_next/image?url=%2Fmedia%2F${id}.png&amp;w=640&amp;q=75 640w"`);
  });

  it('leaves out the figcaption when there is neither caption nor credit', () => {
    expect(html(figure({ caption: '', credit: '' }))).not.toContain('figcaption');
  });

  it('escapes markup in figure caption, credit and alt text', () => {
    const out = html(figure({ alt: 'A "quoted" <b>alt</b>', caption: 'Boats & <em>nets</em>', credit: '<script>alert(1)</script>' }));
    expect(out).toContain('alt="A &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt;"');
    expect(out).toContain('<span class="caption">Boats &amp; &lt;em&gt;nets&lt;/em&gt;</span>');
    expect(out).toContain('<span class="credit">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
  });

  it('escapes a script tag typed into the text', () => {
    const out = html(p(text('<script>alert("x")</script> & more')));
    expect(out).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; more</p>');
  });

  it('drops a figure with an external src even when validation was skipped', () => {
    expect(html(figure({ src: 'https://evil.example/tracker.jpg' }))).toBe('');
  });

  it('returns the plain text and word count with the HTML', () => {
    const rendered = renderArticleBody(doc(heading(2, 'Budget'), p(text('The council met '), text('on Tuesday', bold), text('.'))));
    expect(rendered.text).toBe('Budget\nThe council met on Tuesday.');
    expect(rendered.wordCount).toBe(6);
  });
});

// ------------------------------------------------------------ XSS payloads

const LOCAL_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//xss.example/x.js></SCRIPT>',
  '<script/src="data:text/javascript,alert(1)"></script>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '" autofocus onfocus="alert(1)" x="',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<embed src="data:text/html,<script>alert(1)</script>">',
  '<style>@import "javascript:alert(1)";</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<link rel=stylesheet href=javascript:alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action=javascript:alert(1)><input type=submit>',
  '<button formaction=javascript:alert(1)>x</button>',
  '<input onfocus=alert(1) autofocus>',
  '<video><source onerror=alert(1)>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '</p><script>alert(1)</script><p>',
  '</span></figcaption></figure><script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src="x" onerror="&#97;lert(1)">',
  '<x onclick=alert(1)>click me',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<img src=`x` onerror=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
];

// The shared corpus (tests/fixtures) and this file's own; U+0000 is refused before rendering (tested above).
const XSS_PAYLOADS = [...new Set([...LOCAL_PAYLOADS, ...SHARED_PAYLOADS])].filter((payload) => !payload.includes('\u0000'));

const HOSTILE_HREFS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  'jAvAsCrIpT:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript://example.com/%0Aalert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/',
  '/\\evil.example/',
  '\\\\evil.example\\share',
  'file:///etc/passwd',
  'blob:https://example.com/0e4f',
  'about:blank',
  'https://',
  'http://localhost/admin',
  '"><script>alert(1)</script>',
  `https://example.com/${'a'.repeat(2100)}`,
];

describe('hostile input never reaches readers as markup', () => {
  it.each(XSS_PAYLOADS)('text %j is rendered as harmless text', (payload) => {
    const input = doc(heading(2, payload), p(text(payload)), p(text(payload, bold, italic)), pullQuote(text(payload)), ul(li(p(text(payload)))));
    expect(refusal(input)).toBeNull();
    const rendered = renderArticleBody(input);
    expectHarmless(rendered.html);
    // The words survive as text: nothing is silently dropped.
    expect(decodeEntities(rendered.html.replace(/<[^>]+>/g, ''))).toContain(payload);
  });

  it.each(XSS_PAYLOADS)('figure caption, credit and alt %j are rendered as harmless text', (payload) => {
    const input = doc(figure({ caption: payload, credit: payload, alt: payload }));
    expect(refusal(input)).toBeNull();
    const out = renderArticleBody(input).html;
    expectHarmless(out);
    expect(out).toContain('<figcaption>');
  });

  it.each(HOSTILE_HREFS)('a link to %j is refused, and dropped if it ever reaches the renderer', (href) => {
    const input = doc(p(text('click here', link(href))));
    expect(refusal(input)).toMatch(/link points somewhere not allowed|null character/);
    const out = renderArticleBody(input).html;
    expectHarmless(out);
    expect(out).not.toContain('<a');
    expect(out).not.toMatch(/javascript|vbscript|data:|evil\.example/i);
    expect(out).toContain('click here');
  });
});

// ---------------------------------------------------------- sanitizeBodyHtml

describe('sanitizeBodyHtml', () => {
  it.each([
    ['script elements and their content', '<p>Hi<script>alert(1)</script></p>', '<p>Hi</p>'],
    ['iframes', '<p>a</p><iframe src="https://evil.example"></iframe>', '<p>a</p>'],
    ['style elements and attributes', '<style>p{display:none}</style><p style="color:red">a</p>', '<p>a</p>'],
    ['event handler attributes', '<p onclick="alert(1)" onmouseover="x()">a</p>', '<p>a</p>'],
    ['javascript: links, keeping their text', '<p><a href="javascript:alert(1)">click</a></p>', '<p><span>click</span></p>'],
    ['data: links', '<p><a href="data:text/html,x">click</a></p>', '<p><span>click</span></p>'],
    ['protocol-relative links', '<p><a href="//evil.example">click</a></p>', '<p><span>click</span></p>'],
    ['svg with its script', '<p>a</p><svg onload="alert(1)"><script>alert(1)</script><circle r="4"></circle></svg>', '<p>a</p>'],
    ['images from elsewhere', '<img src="https://evil.example/pixel.gif"><p>a</p>', '<p>a</p>'],
    ['images with data: sources', '<img src="data:image/png;base64,iVBORw0KGgo="><p>a</p>', '<p>a</p>'],
    ['target and class on links', '<a href="https://example.com" target="_blank" class="x">a</a>', '<a href="https://example.com" rel="noopener">a</a>'],
    ['classes that are not the body’s own', '<p class="evil">a</p><span class="caption evil">c</span>', '<p>a</p><span class="caption">c</span>'],
    ['forms, inputs and buttons', '<form action="/x"><input name="q"><button>Go</button></form>', 'Go'],
    ['h1 headings, keeping their text', '<h1>Big</h1>', 'Big'],
  ])('strips %s', (_name, input, expected) => {
    expect(sanitizeBodyHtml(input)).toBe(expected);
  });

  it('keeps the markup the renderer produces', () => {
    const rendered = renderArticleBody(
      doc(heading(2, 'H'), p(text('a', bold), text('b', italic), text('c', link('https://example.com'))), ol(2, li(p(text('x')))), blockquote(p(text('q'))), pullQuote(text('pq')), figure(), { type: 'horizontalRule' }),
    ).html;
    expect(sanitizeBodyHtml(rendered)).toBe(rendered);
  });

  it('does not produce markup from anything in the XSS table', () => {
    for (const payload of XSS_PAYLOADS) expectHarmless(sanitizeBodyHtml(`<p>${payload}</p>`));
  });
});

// ------------------------------------------------------------- plain text

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['The harbour board met on Tuesday.', 6],
    ["Don't stop: it's the councillor’s call", 6],
    ['A well-known, long-running dispute', 4],
    ['Costs rose 3.5 per cent to €1,200', 7],
    ['Some 12,500,000 people, 40 boats', 5],
    ['Red,green and blue', 4],
    ['Zürich, São Paulo and Łódź', 5],
    ['one\ntwo\tthree', 3],
    ['— … !!! ???', 0],
  ])('counts %j as %i words', (input, words) => {
    expect(countWords(input)).toBe(words);
  });
});

describe('documentText', () => {
  it('puts each block on its own line and joins the runs inside a block', () => {
    expect(documentText(doc(heading(2, 'Title'), p(text('Plain '), text('bold', bold), text('.')), p(text('Second.'))))).toBe('Title\nPlain bold.\nSecond.');
  });

  it('turns a hard break into a space', () => {
    expect(documentText(doc(p(text('one'), { type: 'hardBreak' }, text('two'))))).toBe('one two');
  });

  it('gives each list item a line, without blank lines for nesting', () => {
    expect(documentText(doc(ul(li(p(text('a'))), li(p(text('b')), ul(li(p(text('c')))))), p(text('after'))))).toBe('a\nb\nc\nafter');
  });

  it('counts figure captions and credits as text, but not alt text', () => {
    expect(documentText(doc(p(text('Before.')), figure({ caption: 'Boats.', credit: 'Ana Pires', alt: 'hidden alt' }), p(text('After.'))))).toBe(
      'Before.\nBoats. Ana Pires\nAfter.',
    );
  });

  it('is empty for an empty document', () => {
    expect(documentText(doc(p()))).toBe('');
    expect(documentText(doc({ type: 'horizontalRule' }))).toBe('');
  });
});

// ------------------------------------------------------------------- URLs

describe('isSafeHref', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#top',
    'https://sub.example.co.uk/a/b',
    '  https://example.com  ',
    'mailto:desk@example.com',
    '/about',
    '/articles/harbour-dredging?ref=home',
    '#corrections',
  ])('allows %j', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it.each([
    ...HOSTILE_HREFS,
    '',
    '   ',
    'mailto:',
    'mailto:not-an-address',
    'mailto:%E0%A4%A',
    'ftp://example.com',
    'https://exa mple.com',
    'https://localhost',
    'example.com',
    'tel:+441234567890',
  ])('refuses %j', (href) => {
    expect(isSafeHref(href)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://example.com']])('refuses the non-string %j', (href) => {
    expect(isSafeHref(href)).toBe(false);
  });
});

describe('normaliseHref', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['  https://example.com  ', 'https://example.com'],
    ['example.com', 'https://example.com'],
    ['www.example.com/news/1', 'https://www.example.com/news/1'],
    ['desk@example.com', 'mailto:desk@example.com'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
    ['/archive', '/archive'],
    ['#section', '#section'],
    ['', null],
    ['   ', null],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['//evil.example', null],
    ['not a link', null],
    ['localhost', null],
  ])('makes %j into %j', (input, expected) => {
    expect(normaliseHref(input)).toBe(expected);
  });
});

describe('isMediaSrc', () => {
  it('accepts only stored image paths', () => {
    const id = randomUUID();
    expect(isMediaSrc(`/media/${id}.jpg`)).toBe(true);
    expect(isMediaSrc(`/media/${id}.webp`)).toBe(true);
    expect(isMediaSrc(`/media/${id}.svg`)).toBe(false);
    expect(isMediaSrc(`https://example.com/media/${id}.jpg`)).toBe(false);
    expect(isMediaSrc(`/media/${id}.jpg?x=1`)).toBe(false);
    expect(isMediaSrc(`/media/${id.toUpperCase()}.jpg`)).toBe(false);
    expect(isMediaSrc(42)).toBe(false);
  });
});
