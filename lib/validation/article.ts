import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/slug';
import { isStorableText, unstorableTextError } from './text';

export const LIMITS = {
  headline: 200,
  dek: 400,
  slug: 120,
  tags: 12,
  tag: 40,
  caption: 400,
  credit: 150,
  alt: 300,
} as const;

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} is too long (at most ${max} characters).` })
    // Control characters come with pasted text and mean nothing to a reader; U+0000 cannot even be stored.
    .transform((value) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim())
    .refine(isStorableText, { error: unstorableTextError(label) });

const uuid = z.uuid({ error: 'Not a valid reference.' });

/** What the editor sends on save. The body is checked separately against the editor schema. */
export const articleDraftSchema = z
  .object({
    id: uuid.nullable(),
    baseVersion: z.number({ error: 'Missing version.' }).int().min(0).nullable(),
    headline: text(LIMITS.headline, 'The headline'),
    dek: text(LIMITS.dek, 'The standfirst'),
    slug: z
      .string({ error: 'The slug must be text.' })
      .trim()
      .max(LIMITS.slug, { error: `The slug is too long (at most ${LIMITS.slug} characters).` })
      .refine((value) => value === '' || SLUG_PATTERN.test(value), {
        error: 'Use lower-case letters, digits and single hyphens only (e.g. harbour-dredging-plan).',
      }),
    slugAuto: z.boolean().default(true),
    sectionId: uuid.nullable(),
    tags: z
      .array(text(LIMITS.tag, 'A tag').refine((v) => v.length > 0, { error: 'A tag cannot be empty.' }), { error: 'Tags must be a list.' })
      .max(LIMITS.tags, { error: `At most ${LIMITS.tags} tags.` }),
    leadImageId: uuid.nullable(),
    leadImageCaption: text(LIMITS.caption, 'The caption'),
    leadImageCredit: text(LIMITS.credit, 'The credit'),
    leadImageAlt: text(LIMITS.alt, 'The alt text'),
    body: z.unknown(),
    bylines: z.array(uuid, { error: 'Bylines must be a list of people.' }).max(6, { error: 'At most six bylines.' }).optional(),
    /** Set when the person chose to keep their text over someone else's newer save. */
    overwrite: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.leadImageId && !value.leadImageAlt) {
      ctx.addIssue({ code: 'custom', path: ['leadImageAlt'], message: 'Describe the lead image for readers who cannot see it.' });
    }
    if (!value.slugAuto && !value.slug) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'Give the article a slug, or clear the field to make one from the headline.' });
    }
  });
export type ArticleDraftInput = z.input<typeof articleDraftSchema>;

export const articleMoveSchema = z.object({
  id: uuid,
  baseVersion: z.number().int().min(0).optional(),
  // An ISO date-time with its offset (the editor converts from the newsroom's time zone).
  publishAt: z.iso
    .datetime({ offset: true, error: 'Choose a valid date and time.' })
    .transform((value) => new Date(value))
    .optional(),
});

export const articleLockSchema = z.object({
  articleId: uuid,
  takeOver: z.boolean().optional(),
  release: z.boolean().optional(),
});

export const articleNoteSchema = z.object({
  articleId: uuid,
  body: z
    .string({ error: 'Write a note.' })
    .trim()
    .min(1, { error: 'Write a note.' })
    .max(4000, { error: 'A note can be at most 4,000 characters.' })
    .refine(isStorableText, { error: unstorableTextError('The note') }),
});

/** What must be true before an article goes out to readers. */
export function publishProblems(article: { headline: string; sectionId: string | null; wordCount: number; leadImageId: string | null; leadImageAlt: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!article.headline.trim()) problems.headline = 'An article needs a headline before it is published.';
  if (!article.sectionId) problems.sectionId = 'Choose a section before publishing.';
  if (article.wordCount === 0) problems.body = 'The article has no text yet.';
  if (article.leadImageId && !article.leadImageAlt.trim()) problems.leadImageAlt = 'Describe the lead image before publishing.';
  return problems;
}
