/**
 * Layout arithmetic for the generated social cards (1200×630): satori cannot
 * measure text for us before drawing, so the headline's size is chosen from an
 * estimate of how many lines it wraps to, and anything that would still not
 * fit is cut at a word with an ellipsis (the card never overflows).
 */

export interface FittedText {
  text: string;
  fontSize: number;
  lineHeight: number;
  lines: number;
}

/** Average advance of a character, in ems, for the card's faces; generous so estimates err towards fewer characters a line. */
const AVERAGE_ADVANCE_EM = 0.5;
const LINE_HEIGHT = 1.12;

/** Lines a greedy word wrap needs at `perLine` characters a line. */
export function estimateLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = Array.from(word).length;
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
    // A word longer than a line breaks across lines.
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
  }
  return lines;
}

/** The largest size (from `sizes`, largest first) at which the text fits the box; else the smallest, cut to fit. */
export function fitText(raw: string, box: { width: number; height: number }, sizes: number[] = [76, 68, 60, 54, 48, 43, 38]): FittedText {
  const text = raw.replace(/\s+/g, ' ').trim();
  const perLineAt = (size: number) => Math.max(8, Math.floor(box.width / (size * AVERAGE_ADVANCE_EM)));
  const maxLinesAt = (size: number) => Math.max(1, Math.floor(box.height / (size * LINE_HEIGHT)));
  for (const fontSize of sizes) {
    const lines = estimateLines(text, perLineAt(fontSize));
    if (lines <= maxLinesAt(fontSize)) return { text, fontSize, lineHeight: LINE_HEIGHT, lines };
  }
  const fontSize = sizes[sizes.length - 1];
  const perLine = perLineAt(fontSize);
  const maxLines = maxLinesAt(fontSize);
  const words = text.split(' ');
  let cut = '';
  for (const word of words) {
    const next = cut ? `${cut} ${word}` : word;
    if (estimateLines(`${next}…`, perLine) > maxLines) break;
    cut = next;
  }
  if (!cut) cut = Array.from(text).slice(0, perLine * maxLines - 1).join('');
  return { text: `${cut.replace(/[\s,;:.–—-]+$/, '')}…`, fontSize, lineHeight: LINE_HEIGHT, lines: maxLines };
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
