import { mergeAttributes, Node, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from './urls';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: { togglePullQuote: () => ReturnType };
    figure: {
      insertFigure: (attrs: { src: string; alt: string; caption?: string; credit?: string; width: number; height: number }) => ReturnType;
    };
  }
}

/** A short line lifted from the article and set large beside the text. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: 'italic',
  defining: true,
  parseHTML: () => [{ tag: 'aside.pull-quote', contentElement: 'p' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), ['p', 0]],
  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    };
  },
});

/** An image inside the body, with its caption and credit. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: '' },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
      width: { default: 0 },
      height: { default: 0 },
    };
  },
  parseHTML: () => [
    {
      tag: 'figure.figure',
      getAttrs: (element) => {
        const img = element.querySelector('img');
        return {
          src: img?.getAttribute('src') ?? '',
          alt: img?.getAttribute('alt') ?? '',
          width: Number(img?.getAttribute('width') ?? 0),
          height: Number(img?.getAttribute('height') ?? 0),
          caption: element.querySelector('.caption')?.textContent ?? '',
          credit: element.querySelector('.credit')?.textContent ?? '',
        };
      },
    },
  ],
  renderHTML: ({ node }) => {
    const { src, alt, caption, credit, width, height } = node.attrs as Record<string, string | number>;
    return [
      'figure',
      { class: 'figure' },
      ['img', { src, alt, width, height, loading: 'lazy', decoding: 'async' }],
      ['figcaption', {}, ['span', { class: 'caption' }, String(caption)], ['span', { class: 'credit' }, String(credit)]],
    ];
  },
  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});

export const HEADING_LEVELS = [2, 3] as const;

/**
 * The one extension list: the editor edits with it, the server validates and
 * renders with it. A node or mark that is not here cannot reach a reader.
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: null, target: null, class: null },
    },
  }),
  PullQuote,
  Figure,
];
