import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, tokenize, type DiffSegment } from '@/lib/diff';

const before = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== 'added').map((s) => s.text).join('');
const after = (segments: DiffSegment[]) => segments.filter((s) => s.kind !== 'removed').map((s) => s.text).join('');
const marked = (segments: DiffSegment[]) => segments.map((s) => (s.kind === 'same' ? s.text : s.kind === 'added' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');

describe('tokenize', () => {
  it('splits words, whitespace runs and punctuation marks, and joins back to the text', () => {
    const text = 'The harbour’s  wall, rebuilt in 1931 — well-known.\nNext';
    expect(tokenize(text)).toEqual(['The', ' ', 'harbour’s', '  ', 'wall', ',', ' ', 'rebuilt', ' ', 'in', ' ', '1931', ' ', '—', ' ', 'well-known', '.', '\n', 'Next']);
    expect(tokenize(text).join('')).toBe(text);
  });

  it('keeps accented letters and combining marks inside their word', () => {
    expect(tokenize('café naïve')).toEqual(['café', ' ', 'naïve']);
    expect(tokenize('cafe\u0301 au lait')).toEqual(['cafe\u0301', ' ', 'au', ' ', 'lait']);
  });
});

describe('diffWords', () => {
  it('identical texts are one unchanged segment, and two empty texts no segment at all', () => {
    expect(diffWords('The board met.', 'The board met.')).toEqual([{ kind: 'same', text: 'The board met.' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('everything is added to an empty text, and everything removed from one', () => {
    expect(diffWords('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(diffWords('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
  });

  it('an inserted word shows as added, the rest unchanged', () => {
    expect(marked(diffWords('The board met on Tuesday.', 'The harbour board met on Tuesday.'))).toBe('The {+harbour +}board met on Tuesday.');
  });

  it('a deleted word shows as removed', () => {
    expect(marked(diffWords('The board met late on Tuesday.', 'The board met on Tuesday.'))).toBe('The board met [-late -]on Tuesday.');
  });

  it('a replaced word shows as removed then added', () => {
    expect(marked(diffWords('Work starts in March.', 'Work starts in April.'))).toBe('Work starts in [-March-]{+April+}.');
  });

  it('a rewritten phrase reads as one removal and one addition, not word by word', () => {
    expect(marked(diffWords('The mayor said the old harbour wall, in part, would stay.', 'The mayor said the new sea wall would stay.'))).toBe(
      'The mayor said the [-old harbour-]{+new sea+} wall[-, in part,-] would stay.',
    );
  });

  it('a change of punctuation alone is found', () => {
    expect(marked(diffWords('Yes, the ferry runs.', 'Yes the ferry runs!'))).toBe('Yes[-,-] the ferry runs[-.-]{+!+}');
  });

  it('changes in two paragraphs stay in their own paragraphs', () => {
    const segments = diffWords('First line here.\nSecond line here.', 'First row here.\nSecond row here.');
    expect(marked(segments)).toBe('First [-line-]{+row+} here.\nSecond [-line-]{+row+} here.');
  });

  it('a moved sentence shows as removed in one place and added in the other', () => {
    const segments = diffWords('A. B. C.', 'B. C. A.');
    expect(before(segments)).toBe('A. B. C.');
    expect(after(segments)).toBe('B. C. A.');
    expect(diffStats(segments)).toEqual({ added: 1, removed: 1 });
  });

  it('the unchanged and removed parts always make the old text, the unchanged and added parts the new one', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ['harbour', 'board', 'the', 'a', 'met', ',', '.', 'ferry', 'strike', '\n', 'council', '£38.4m'];
    const text = () => Array.from({ length: Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]).join(random() < 0.5 ? ' ' : '  ');
    for (let i = 0; i < 300; i++) {
      const a = text();
      const b = random() < 0.3 ? a.replace(/board/g, 'committee') : text();
      const segments = diffWords(a, b);
      expect(before(segments)).toBe(a);
      expect(after(segments)).toBe(b);
      // Segments never repeat a kind back to back, and are never empty.
      segments.forEach((s, n) => {
        expect(s.text).not.toBe('');
        if (n > 0) expect(`${segments[n - 1].kind}>${s.kind}`).not.toMatch(/^(\w+)>\1$/);
      });
    }
  });

  it('texts too far apart fall back to the whole middle removed and then added, still exact', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `old${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `new${i}`).join(' ');
    const segments = diffWords(`Intro. ${a} Outro.`, `Intro. ${b} Outro.`, { maxEdits: 500 });
    expect(segments.map((s) => s.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(before(segments)).toBe(`Intro. ${a} Outro.`);
    expect(after(segments)).toBe(`Intro. ${b} Outro.`);
  });

  it('a deleted word takes the space after it, not the one before', () => {
    expect(marked(diffWords('The harbour board met.', 'The board met.'))).toBe('The [-harbour -]board met.');
  });

  it('a long article with a few edits gives a small exact diff', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} says the harbour board met on Tuesday to discuss item ${i}.`);
    const edited = [...paragraphs];
    edited[10] = edited[10].replace('Tuesday', 'Wednesday');
    edited[150] = edited[150].replace('harbour ', '');
    const segments = diffWords(paragraphs.join('\n'), edited.join('\n'));
    expect(segments.filter((s) => s.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Tuesday' },
      { kind: 'added', text: 'Wednesday' },
      { kind: 'removed', text: 'harbour ' },
    ]);
  });
});

describe('diffStats', () => {
  it('counts the words added and removed, not the spaces or punctuation', () => {
    expect(diffStats(diffWords('The plan was good value.', 'The scheme was poor value, officers said.'))).toEqual({ added: 4, removed: 2 });
  });
});
