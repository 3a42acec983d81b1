import Link from 'next/link';
import { Fragment } from 'react';
import type { Byline } from '@/db/queries/articles';

export { authorHref } from '@/lib/paths';
import { authorHref } from '@/lib/paths';

/** "A", "A and B", "A, B and C": the names in print order, each linking to the person's page. */
export function BylineNames({ authors, linkClassName = 'hover:underline' }: { authors: Byline[]; linkClassName?: string }) {
  return (
    <>
      {authors.map((author, i) => (
        <Fragment key={author.slug}>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <Link href={authorHref(author.slug)} className={linkClassName}>
            {author.name}
          </Link>
        </Fragment>
      ))}
    </>
  );
}
