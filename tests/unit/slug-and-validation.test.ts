import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify } from '@/lib/slug';
import { articleDraftSchema, articleMoveSchema, articleNoteSchema, LIMITS, publishProblems, type ArticleDraftInput } from '@/lib/validation/article';

describe('slugify', () => {
  it.each([
    ["Harbour dredging: what's next?", 'harbour-dredging-whats-next'],
    ['Café crème à la Zürich', 'cafe-creme-a-la-zurich'],
    ['São Tomé’s élite Ñandú', 'sao-tomes-elite-nandu'],
    ['The council’s budget', 'the-councils-budget'],
    ["Rock 'n' roll", 'rock-n-roll'],
    ['Fish & Chips', 'fish-and-chips'],
    ['R&D spending', 'r-and-d-spending'],
    ['  --Hello,   World!!--  ', 'hello-world'],
    ['2024 Election: Results (Final) / Part 2', '2024-election-results-final-part-2'],
    ['already-a-slug', 'already-a-slug'],
    ['UPPER case HEADLINE', 'upper-case-headline'],
    ['Ligature ﬁsh', 'ligature-fish'],
    ['', ''],
    ['!!! ??? …', ''],
    ['中文标题', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('caps the length at 80 characters by default', () => {
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(80));
  });

  it('cuts at the cap without leaving a trailing hyphen', () => {
    const slug = slugify('word '.repeat(30), 20);
    expect(slug).toBe('word-word-word-word');
    expect(slug.length).toBeLessThanOrEqual(20);
  });

  it('always produces a slug the slug pattern accepts, or nothing', () => {
    for (const input of ["It's -- a   test!!", '  ÉTÉ & hiver  ', 'x'.repeat(100) + ' y', '-a-', '___', 'a—b–c']) {
      const slug = slugify(input);
      if (slug) expect(slug).toMatch(SLUG_PATTERN);
    }
  });
});

describe('SLUG_PATTERN', () => {
  it.each(['harbour', 'harbour-dredging-2024', 'a1-b2'])('accepts %j', (slug) => expect(SLUG_PATTERN.test(slug)).toBe(true));
  it.each(['Harbour', 'double--hyphen', '-leading', 'trailing-', 'with space', 'under_score', 'café', ''])('refuses %j', (slug) =>
    expect(SLUG_PATTERN.test(slug)).toBe(false),
  );
});

// -------------------------------------------------------- articleDraftSchema

const validDraft = (overrides: Partial<Record<keyof ArticleDraftInput, unknown>> = {}): Record<string, unknown> => ({
  id: null,
  baseVersion: null,
  headline: 'Harbour board approves dredging plan',
  dek: 'Work starts in spring.',
  slug: '',
  slugAuto: true,
  sectionId: randomUUID(),
  tags: ['Harbour', 'Council'],
  leadImageId: null,
  leadImageCaption: '',
  leadImageCredit: '',
  leadImageAlt: '',
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
  ...overrides,
});

/** The fields a draft is refused on, each with its first message. */
function fieldErrors(input: unknown): Record<string, string> {
  const result = articleDraftSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  return out;
}

describe('articleDraftSchema', () => {
  it('accepts a complete draft and tidies the whitespace in its text fields', () => {
    const result = articleDraftSchema.safeParse(validDraft({ headline: '  Harbour   board\n approves  plan ', dek: '\tWork starts. ', tags: ['  Harbour   dredging '] }));
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ headline: 'Harbour board approves plan', dek: 'Work starts.', tags: ['Harbour dredging'], slugAuto: true });
  });

  it('defaults slugAuto to true when the editor leaves it out', () => {
    const { slugAuto: _omit, ...draft } = validDraft();
    expect(articleDraftSchema.parse(draft).slugAuto).toBe(true);
  });

  it('refuses a headline over the limit, on the headline field', () => {
    expect(fieldErrors(validDraft({ headline: 'x'.repeat(LIMITS.headline + 1) }))).toEqual({ headline: `The headline is too long (at most ${LIMITS.headline} characters).` });
    expect(fieldErrors(validDraft({ headline: 'x'.repeat(LIMITS.headline) }))).toEqual({});
  });

  it('refuses a standfirst, caption, credit and alt text over their limits', () => {
    const errors = fieldErrors(
      validDraft({
        dek: 'x'.repeat(LIMITS.dek + 1),
        leadImageCaption: 'x'.repeat(LIMITS.caption + 1),
        leadImageCredit: 'x'.repeat(LIMITS.credit + 1),
        leadImageAlt: 'x'.repeat(LIMITS.alt + 1),
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(['dek', 'leadImageAlt', 'leadImageCaption', 'leadImageCredit']);
  });

  it.each(['Bad Slug', 'UPPER', 'double--hyphen', '-leading', 'trailing-', 'under_score', 'slash/slug', 'café'])('refuses the slug %j on the slug field', (slug) => {
    expect(fieldErrors(validDraft({ slug, slugAuto: false }))).toEqual({ slug: expect.stringMatching(/lower-case letters, digits and single hyphens/) });
  });

  it('accepts a well-formed slug, trimming the spaces around it', () => {
    const result = articleDraftSchema.parse(validDraft({ slug: '  harbour-dredging-2024 ', slugAuto: false }));
    expect(result.slug).toBe('harbour-dredging-2024');
  });

  it('refuses a slug over the limit', () => {
    expect(fieldErrors(validDraft({ slug: 'a'.repeat(LIMITS.slug + 1), slugAuto: false }))).toHaveProperty('slug');
  });

  it('asks for a slug when the automatic slug is switched off and the field is empty', () => {
    expect(fieldErrors(validDraft({ slug: '', slugAuto: false }))).toEqual({ slug: expect.stringMatching(/Give the article a slug/) });
  });

  it.each([
    ['a word', 'not-a-uuid'],
    ['an almost-uuid', '123e4567-e89b-12d3-a456-42661417400'],
    ['a number', 42],
    ['SQL', "' or 1=1 --"],
  ])('refuses %s as the section, on the sectionId field', (_name, sectionId) => {
    expect(fieldErrors(validDraft({ sectionId }))).toEqual({ sectionId: expect.any(String) });
  });

  it('accepts no section for a draft', () => {
    expect(fieldErrors(validDraft({ sectionId: null }))).toEqual({});
  });

  it('refuses more than 12 tags, on the tags field', () => {
    const tags = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `Tag ${i}`);
    expect(fieldErrors(validDraft({ tags }))).toEqual({ tags: `At most ${LIMITS.tags} tags.` });
    expect(fieldErrors(validDraft({ tags: tags.slice(0, LIMITS.tags) }))).toEqual({});
  });

  it('refuses an empty tag and an over-long tag, on that tag', () => {
    expect(fieldErrors(validDraft({ tags: ['Harbour', '   '] }))).toEqual({ 'tags.1': 'A tag cannot be empty.' });
    expect(fieldErrors(validDraft({ tags: ['x'.repeat(LIMITS.tag + 1)] }))).toEqual({ 'tags.0': expect.stringMatching(/too long/) });
  });

  it('refuses tags that are not a list', () => {
    expect(fieldErrors(validDraft({ tags: 'Harbour, Council' }))).toEqual({ tags: 'Tags must be a list.' });
  });

  it('asks for alt text when there is a lead image, on the leadImageAlt field', () => {
    expect(fieldErrors(validDraft({ leadImageId: randomUUID(), leadImageAlt: '' }))).toEqual({ leadImageAlt: expect.stringMatching(/Describe the lead image/) });
    expect(fieldErrors(validDraft({ leadImageId: randomUUID(), leadImageAlt: '   ' }))).toEqual({ leadImageAlt: expect.stringMatching(/Describe the lead image/) });
    expect(fieldErrors(validDraft({ leadImageId: randomUUID(), leadImageAlt: 'Boats in the harbour' }))).toEqual({});
  });

  it.each([
    ['a negative version', -1],
    ['a fractional version', 1.5],
    ['a version as text', '3'],
  ])('refuses %s', (_name, baseVersion) => {
    expect(fieldErrors(validDraft({ id: randomUUID(), baseVersion }))).toHaveProperty('baseVersion');
  });

  it.each([
    ['a number as headline', { headline: 42 }, 'headline'],
    ['null as headline', { headline: null }, 'headline'],
    ['an object as dek', { dek: { toString: 'x' } }, 'dek'],
    ['a non-uuid id', { id: '1' }, 'id'],
    ['a string as slugAuto', { slugAuto: 'yes' }, 'slugAuto'],
  ])('refuses %s on that field', (_name, overrides, field) => {
    expect(fieldErrors(validDraft(overrides))).toHaveProperty(field);
  });

  it('names every missing field when given an empty object', () => {
    const errors = fieldErrors({});
    for (const field of ['id', 'baseVersion', 'headline', 'dek', 'slug', 'sectionId', 'tags', 'leadImageId', 'leadImageCaption', 'leadImageCredit', 'leadImageAlt']) {
      expect(errors).toHaveProperty(field);
    }
  });

  it.each([null, undefined, 'headline', 42, []])('refuses %j as a whole, without throwing', (input) => {
    expect(fieldErrors(input)).toHaveProperty('form');
  });
});

describe('articleMoveSchema', () => {
  it('accepts an id with or without a version', () => {
    expect(articleMoveSchema.safeParse({ id: randomUUID() }).success).toBe(true);
    expect(articleMoveSchema.safeParse({ id: randomUUID(), baseVersion: 3 }).success).toBe(true);
  });

  it('reads a publication time with its offset as that instant', () => {
    const result = articleMoveSchema.parse({ id: randomUUID(), publishAt: '2030-06-01T09:30:00+02:00' });
    expect(result.publishAt).toEqual(new Date('2030-06-01T07:30:00Z'));
    expect(articleMoveSchema.parse({ id: randomUUID(), publishAt: '2030-06-01T07:30:00Z' }).publishAt).toEqual(new Date('2030-06-01T07:30:00Z'));
  });

  it.each([
    { id: 'nope' },
    { id: randomUUID(), baseVersion: '3' },
    { id: randomUUID(), baseVersion: -1 },
    { id: randomUUID(), publishAt: 'tomorrow at nine' },
    { id: randomUUID(), publishAt: '2030-06-01T09:30:00' },
    { id: randomUUID(), publishAt: 1_900_000_000_000 },
    {},
    null,
  ])('refuses %j', (input) => {
    expect(articleMoveSchema.safeParse(input).success).toBe(false);
  });
});

describe('articleNoteSchema', () => {
  it('accepts a note and trims it', () => {
    const articleId = randomUUID();
    expect(articleNoteSchema.parse({ articleId, body: '  Check the quote in par 3.  ' })).toEqual({ articleId, body: 'Check the quote in par 3.' });
  });

  it.each([
    ['an empty note', { body: '' }, 'body'],
    ['a blank note', { body: '   ' }, 'body'],
    ['a note over 4,000 characters', { body: 'x'.repeat(4001) }, 'body'],
    ['a note that is not text', { body: 42 }, 'body'],
    ['a non-uuid article', { articleId: 'abc' }, 'articleId'],
  ])('refuses %s', (_name, change, field) => {
    const result = articleNoteSchema.safeParse({ articleId: randomUUID(), body: 'Fine.', ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('articleDraftSchema: bylines and overwrite', () => {
  it('accepts up to six bylines and an overwrite flag, and leaves both out when not sent', () => {
    const bylines = Array.from({ length: 6 }, () => randomUUID());
    expect(articleDraftSchema.parse(validDraft({ bylines, overwrite: true }))).toMatchObject({ bylines, overwrite: true });
    const plain = articleDraftSchema.parse(validDraft());
    expect(plain.bylines).toBeUndefined();
    expect(plain.overwrite).toBeUndefined();
  });

  it.each([
    ['seven bylines', { bylines: Array.from({ length: 7 }, () => randomUUID()) }, 'bylines'],
    ['a byline that is not a person id', { bylines: ['Jane Doe'] }, 'bylines.0'],
    ['bylines as text', { bylines: 'Jane Doe' }, 'bylines'],
    ['overwrite as text', { overwrite: 'yes' }, 'overwrite'],
  ])('refuses %s on that field', (_name, overrides, field) => {
    expect(fieldErrors(validDraft(overrides))).toHaveProperty([field]);
  });
});

// ------------------------------------------------------------ publishProblems

describe('publishProblems', () => {
  const ready = { headline: 'Harbour board approves plan', sectionId: randomUUID(), wordCount: 350, leadImageId: null, leadImageAlt: '' };

  it('finds nothing wrong with a complete article', () => {
    expect(publishProblems(ready)).toEqual({});
    expect(publishProblems({ ...ready, leadImageId: randomUUID(), leadImageAlt: 'Boats at dawn' })).toEqual({});
  });

  it.each([
    ['an empty headline', { headline: '' }, ['headline']],
    ['a blank headline', { headline: '   ' }, ['headline']],
    ['no section', { sectionId: null }, ['sectionId']],
    ['no words', { wordCount: 0 }, ['body']],
    ['a lead image without alt text', { leadImageId: randomUUID(), leadImageAlt: '' }, ['leadImageAlt']],
    ['a lead image with blank alt text', { leadImageId: randomUUID(), leadImageAlt: '  ' }, ['leadImageAlt']],
    ['an empty article', { headline: '', sectionId: null, wordCount: 0 }, ['body', 'headline', 'sectionId']],
  ])('names the problem with %s', (_name, change, fields) => {
    const problems = publishProblems({ ...ready, ...change });
    expect(Object.keys(problems).sort()).toEqual(fields);
    for (const message of Object.values(problems)) expect(message.length).toBeGreaterThan(10);
  });
});
