// The one rule for where a link in an article may point: http(s), mailto, or a
// path on this site. Used by the editor's link dialog, the server validator and
// the HTML sanitiser alike.
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  const value = href.trim();
  if (!value || value.length > 2048) return false;
  // Control characters and whitespace inside a URL are how `java\tscript:` slips through.
  if (/[\u0000-\u001F\u007F\s]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  if (value.startsWith('#')) return true;
  try {
    const url = new URL(value);
    if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
    if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(decodeURIComponent(url.pathname));
    return Boolean(url.hostname) && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** What a person typed into the link field, made into an href, or null when it is not a safe link. */
export function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (isSafeHref(value)) return value;
  if (/^[^\s/:@]+\.[^\s/:@]+(\/.*)?$/.test(value) && isSafeHref(`https://${value}`)) return `https://${value}`;
  if (/^[^@\s:/]+@[^@\s]+\.[^@\s]+$/.test(value)) return `mailto:${value}`;
  return null;
}

/** Media the body may embed: only images stored by Masthead itself. */
export function isMediaSrc(src: unknown): src is string {
  return typeof src === 'string' && /^\/media\/[0-9a-f-]{36}\.(jpg|png|webp|gif)$/.test(src);
}
