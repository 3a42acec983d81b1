export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

/**
 * Words (with inner apostrophes and hyphens), runs of whitespace, and single
 * punctuation marks: "harbour’s wall, rebuilt" → harbour’s · " " · wall · "," · " " · rebuilt.
 * Joining the tokens gives back the text exactly.
 */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/**
 * Beyond this many differing tokens the two texts are too far apart for a
 * word-level diff to help a reader (or to be cheap): the differing middle is
 * shown as removed, then added. Myers' trace costs about maxEdits² cells.
 */
export const MAX_EDITS = 2_000;

type Op = { kind: DiffKind; token: string };

/** Myers' O((N+M)·D) shortest edit script over tokens (the algorithm behind `git diff`). */
function myers(a: string[], b: string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Only diagonals -d..d are reachable after d edits: keep just that slice for the backtrack.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], edits: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = edits; d > 0; d--) {
    const slice = trace[d];
    // slice[i] is V[k] for k = i - d - 1, as it was before step d.
    const at = (k: number) => slice[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', token: a[--x] });
      y--;
    }
    if (x === prevX) ops.push({ kind: 'added', token: b[--y] });
    else ops.push({ kind: 'removed', token: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: 'same', token: a[--x] });
    y--;
  }
  return ops.reverse();
}

const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * Makes a diff read like an editor's markup: where words were replaced, all the
 * removed text of the passage comes first and then all the added text, and a
 * lone space or comma between two changes joins them instead of splitting one
 * rewrite into many small ones. Paragraph breaks are never swallowed.
 */
function readable(ops: Op[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const push = (kind: DiffKind, text: string) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  const sameRun = (from: number) => {
    let to = from;
    let text = '';
    while (to < ops.length && ops[to].kind === 'same') text += ops[to++].token;
    return { to, text };
  };
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === 'same') {
      const { to, text } = sameRun(i);
      push('same', text);
      i = to;
      continue;
    }
    const passage: Op[] = [];
    while (i < ops.length) {
      if (ops[i].kind !== 'same') {
        passage.push(ops[i++]);
        continue;
      }
      const gap = sameRun(i);
      if (gap.to >= ops.length || hasWord(gap.text) || gap.text.includes('\n')) break;
      passage.push({ kind: 'same', token: gap.text });
      i = gap.to;
    }
    const replaced = passage.some((op) => op.kind === 'removed') && passage.some((op) => op.kind === 'added');
    if (replaced) {
      push('removed', passage.filter((op) => op.kind !== 'added').map((op) => op.token).join(''));
      push('added', passage.filter((op) => op.kind !== 'removed').map((op) => op.token).join(''));
    } else {
      for (const op of passage) push(op.kind, op.token);
    }
  }
  return slideToWordStarts(segments);
}

/**
 * " harbour" deleted between "the" and " board" reads better as "harbour "
 * deleted: slides a lone insertion or deletion that starts with the
 * whitespace the following text also starts with, so it begins at a word.
 */
function slideToWordStarts(segments: DiffSegment[]): DiffSegment[] {
  for (let i = 1; i + 1 < segments.length; i++) {
    const [prev, change, next] = [segments[i - 1], segments[i], segments[i + 1]];
    if (prev.kind !== 'same' || next.kind !== 'same' || change.kind === 'same') continue;
    const space = /^[^\S\n]+/.exec(change.text)?.[0];
    if (!space || !next.text.startsWith(space) || change.text.length === space.length) continue;
    prev.text += space;
    change.text = change.text.slice(space.length) + space;
    next.text = next.text.slice(space.length);
  }
  const merged: DiffSegment[] = [];
  for (const segment of segments) {
    if (!segment.text) continue;
    const last = merged.at(-1);
    if (last?.kind === segment.kind) last.text += segment.text;
    else merged.push(segment);
  }
  return merged;
}

/** A word-level diff from `before` to `after`: its same and removed parts make `before`, its same and added parts make `after`. */
export function diffWords(before: string, after: string, options: { maxEdits?: number } = {}): DiffSegment[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB, options.maxEdits ?? MAX_EDITS) ?? [
    ...middleA.map((token): Op => ({ kind: 'removed', token })),
    ...middleB.map((token): Op => ({ kind: 'added', token })),
  ];
  const ops: Op[] = [
    ...a.slice(0, start).map((token): Op => ({ kind: 'same', token })),
    ...middle,
    ...a.slice(endA).map((token): Op => ({ kind: 'same', token })),
  ];
  return readable(ops);
}

/** How many words a diff adds and removes. */
export function diffStats(segments: DiffSegment[]): { added: number; removed: number } {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  let added = 0;
  let removed = 0;
  for (const segment of segments) {
    if (segment.kind === 'added') added += words(segment.text);
    if (segment.kind === 'removed') removed += words(segment.text);
  }
  return { added, removed };
}
