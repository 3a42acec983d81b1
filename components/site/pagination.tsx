import Link from 'next/link';

export const PAGE_SIZE = 20;

/** "?page=3" → 3; anything that is not a whole number from 1 up → 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

/** The address of page `page` of a list; `path` may carry a query of its own ("/search?q=ferry"). */
export const pageHref = (path: string, page: number) => (page <= 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${page}`);

/** Newer and older pages of a list, with where the reader is. */
export function Pagination({
  path,
  page,
  pages,
  labels = { previous: '← Newer', next: 'Older →' },
}: {
  path: string;
  page: number;
  pages: number;
  /** For lists not in date order (search results): "← Previous", "Next →". */
  labels?: { previous: string; next: string };
}) {
  if (pages <= 1) return null;
  const link = 'rounded-sm border border-rule px-3 py-1.5 font-semibold hover:border-ink';
  return (
    <nav aria-label="Pages" className="mt-10 flex items-center justify-between gap-4 border-t border-rule pt-4 text-sm">
      {page > 1 ? (
        <Link href={pageHref(path, page - 1)} rel="prev" className={link}>
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={pageHref(path, page + 1)} rel="next" className={link}>
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
