/** Words a minute for an adult reading news on a screen (Brysbaert 2019: ~238 for non-fiction). */
export const WORDS_PER_MINUTE = 230;

/** Whole minutes, at least one: "4 min read". */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
