import type { DiffSegment } from '@/lib/diff';

const insClass =
  'rounded-sm bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-[0.2em] dark:bg-emerald-900/70 dark:text-emerald-50 dark:decoration-emerald-300';
// A replacement reads as two words, not one: a little space between the removed and the added text.
const delClass =
  'rounded-sm bg-red-100 text-red-950 line-through decoration-red-700 decoration-2 [&+ins]:ml-[0.2em] dark:bg-red-900/60 dark:text-red-50 dark:decoration-red-300';

/** Added and removed text, marked so the difference does not rest on colour alone. */
export function Added({ children }: { children: React.ReactNode }) {
  return (
    <ins className={insClass}>
      <span className="sr-only">[added: </span>
      {children}
      <span className="sr-only">]</span>
    </ins>
  );
}

export function Removed({ children }: { children: React.ReactNode }) {
  return (
    <del className={delClass}>
      <span className="sr-only">[removed: </span>
      {children}
      <span className="sr-only">]</span>
    </del>
  );
}

export function DiffLegend() {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
      <span>Key:</span>
      <span>
        <ins className={`${insClass} px-1`}>added text</ins> is underlined
      </span>
      <span>
        <del className={`${delClass} px-1`}>removed text</del> is struck through
      </span>
    </p>
  );
}

/** Paragraph breaks show as a blank line, as they read in the article. */
const paragraphs = (text: string) => text.replace(/\n/g, '\n\n');

type Piece = { kind: 'text'; segment: DiffSegment } | { kind: 'gap'; paragraphs: number };

/**
 * Long runs of unchanged paragraphs fold into a note, so a two-word fix in a
 * long article is found at a glance; a paragraph of context stays either side.
 */
function fold(segments: DiffSegment[], context: number): Piece[] {
  const pieces: Piece[] = [];
  segments.forEach((segment, i) => {
    const lines = segment.text.split('\n');
    const head = i === 0 ? 0 : context + 1;
    const tail = i === segments.length - 1 ? 0 : context + 1;
    if (segment.kind !== 'same' || lines.length <= head + tail + 1) {
      pieces.push({ kind: 'text', segment });
      return;
    }
    if (head > 0) pieces.push({ kind: 'text', segment: { kind: 'same', text: lines.slice(0, head).join('\n') } });
    pieces.push({ kind: 'gap', paragraphs: lines.length - head - tail });
    if (tail > 0) pieces.push({ kind: 'text', segment: { kind: 'same', text: lines.slice(-tail).join('\n') } });
  });
  return pieces;
}

export function TextDiff({ segments, multiline = false }: { segments: DiffSegment[]; multiline?: boolean }) {
  if (!segments.some((s) => s.kind !== 'same')) {
    return <p className="font-sans text-sm font-normal text-muted italic">No change.</p>;
  }
  const pieces = multiline ? fold(segments, 1) : segments.map((segment): Piece => ({ kind: 'text', segment }));
  return (
    <div className="whitespace-pre-wrap break-words">
      {pieces.map((piece, i) => {
        if (piece.kind === 'gap') {
          return (
            <span key={i} className="my-3 block border-y border-dashed border-rule py-1 text-center font-sans text-xs text-muted">
              {piece.paragraphs} unchanged {piece.paragraphs === 1 ? 'paragraph' : 'paragraphs'}
            </span>
          );
        }
        const text = multiline ? paragraphs(piece.segment.text) : piece.segment.text;
        if (piece.segment.kind === 'added') return <Added key={i}>{text}</Added>;
        if (piece.segment.kind === 'removed') return <Removed key={i}>{text}</Removed>;
        return <span key={i}>{text}</span>;
      })}
    </div>
  );
}
