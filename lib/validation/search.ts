import { z } from 'zod';

/** Longer searches are refused: nobody types more, and the database does no work for a pasted essay. */
export const SEARCH_MAX_LENGTH = 200;

/** The reader's search box: whitespace collapsed, at most SEARCH_MAX_LENGTH characters. */
export const searchQuerySchema = z
  .string({ error: 'Enter words to search for.' })
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(z.string().max(SEARCH_MAX_LENGTH, { error: `Keep your search to ${SEARCH_MAX_LENGTH} characters or fewer.` }));

/** `?q=` as Next.js hands it over: the first value when repeated, '' when missing. */
export function searchParam(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
