import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { articleHref } from '@/components/site/story-card';
import { pageHref, PAGE_SIZE, Pagination } from '@/components/site/pagination';
import { countPublicCorrections, listPublicCorrections } from '@/lib/cache/loaders';
import { formatDate } from '@/lib/dates';
import { getSiteSettings } from '@/lib/settings/site';
import { CORRECTION_KIND_LABEL } from '@/lib/validation/correction';
import { pageMetadata } from '@/lib/seo';

export function correctionsMetadata(page: number): Promise<Metadata> {
  return pageMetadata({
    title: page > 1 ? `Corrections and updates (page ${page})` : 'Corrections and updates',
    description: 'Every correction and update note published on our articles, newest first.',
    path: pageHref('/corrections', page),
  });
}

/** Page `page` of the corrections list (page 1 at /corrections, the others at /corrections?page=N). */
export async function CorrectionsListing({ page }: { page: number }) {
  const [total, corrections, { timeZone }] = await Promise.all([
    countPublicCorrections(),
    listPublicCorrections({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    getSiteSettings(),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) notFound();

  return (
    <div className="mx-auto max-w-3xl">
      <header className="border-b-2 border-ink pb-4">
        <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">Corrections and updates</h1>
        <p className="mt-3 font-serif text-lg leading-snug text-muted">
          When we get something wrong, we correct it and say so, at the end of the article and here. Updates note a significant change to a story after it
          was published.
        </p>
      </header>
      {corrections.length === 0 ? (
        <p className="py-16 text-center font-serif text-lg text-muted">No corrections or updates so far.</p>
      ) : (
        <ol className="divide-y divide-rule">
          {corrections.map((correction) => (
            <li key={correction.id} className="py-6">
              <p className="text-xs font-semibold tracking-wider uppercase">
                <span className="text-accent">{CORRECTION_KIND_LABEL[correction.kind]}</span>
                <span aria-hidden="true" className="text-muted">
                  {' · '}
                </span>
                <time dateTime={correction.createdAt.toISOString()} className="text-muted">
                  {formatDate(correction.createdAt, timeZone)}
                </time>
              </p>
              <h2 className="mt-1.5 font-serif text-xl leading-snug font-bold">
                <Link href={articleHref(correction.article.slug)} className="hover:underline">
                  {correction.article.headline}
                </Link>
              </h2>
              <p className="mt-2 font-serif text-[1.0625rem] leading-relaxed">{correction.body}</p>
            </li>
          ))}
        </ol>
      )}
      <Pagination path="/corrections" page={page} pages={pages} />
    </div>
  );
}
