import { z } from 'zod';
import type { Correction } from '@/db/schema';
import { isStorableText, unstorableTextError } from './text';

// Kept apart from db/schema so the client form can use it without the database code.
const CORRECTION_KINDS = ['correction', 'update'] as const satisfies readonly Correction['kind'][];

export const CORRECTION_LIMITS = { min: 10, max: 2000 } as const;

export const CORRECTION_KIND_LABEL: Record<Correction['kind'], string> = {
  correction: 'Correction',
  update: 'Update',
};

export const correctionSchema = z.object({
  articleId: z.uuid({ error: 'Not a valid reference.' }),
  kind: z.enum(CORRECTION_KINDS, { error: 'Choose whether this is a correction or an update.' }),
  body: z
    .string({ error: 'Write the text of the note.' })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(CORRECTION_LIMITS.min, { error: `Write at least ${CORRECTION_LIMITS.min} characters: say what was wrong and what is right.` })
        .max(CORRECTION_LIMITS.max, { error: `A note can be at most ${CORRECTION_LIMITS.max.toLocaleString('en-GB')} characters.` })
        .refine(isStorableText, { error: unstorableTextError('The note') }),
    ),
});
export type CorrectionInput = z.input<typeof correctionSchema>;
