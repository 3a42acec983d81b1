import { notFound } from 'next/navigation';
import { pageNumber } from '@/components/site/pagination';

/**
 * Page N of a list is its own path (/sections/x/page/N), reached by a rewrite of
 * the public /sections/x?page=N (next.config.ts), so each page is one cache entry
 * and no cached page reads searchParams (which would make it dynamic). Anything
 * but a page number in its usual form is a 404 here.
 */
export function pathPageNumber(n: string): number {
  const page = pageNumber(n);
  if (String(page) !== n) notFound();
  return page;
}
