// What PostgreSQL cannot keep: U+0000 (text and jsonb refuse it: the query fails) and a lone
// surrogate, half an emoji (jsonb refuses its escape; text keeps a replacement character).
// Such text only comes from a crafted request or a broken paste; it gets a field error.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string) => !UNSTORABLE.test(value);

export const unstorableTextError = (label: string) => `${label} contains a character that cannot be saved (a NUL or half of an emoji). Retype it.`;

/** Whether any string in a JSON value (a Tiptap document) is unstorable. */
export function containsUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (!isStorableText(item)) return true;
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (!isStorableText(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
