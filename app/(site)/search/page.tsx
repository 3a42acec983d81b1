import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/seo';
import Link from 'next/link';
import { StoryCard } from '@/components/site/story-card';
import { BylineNames } from '@/components/site/byline';
import { pageNumber, PAGE_SIZE, Pagination } from '@/components/site/pagination';
import { ResponsiveImage } from '@/components/site/responsive-image';
import { Highlighted, SEARCH_PATH, SearchPageForm } from '@/components/site/search-form';
import { listPublishedArticles } from '@/db/queries/articles';
import { searchArticles, type SearchHit } from '@/db/queries/search';
import { formatDate } from '@/lib/dates';
import { articleHref, sectionHref } from '@/lib/paths';
import { listSectionsInHomeOrder } from '@/lib/settings/sections';
import { getSiteSettings } from '@/lib/settings/site';
import { searchParam, searchQuerySchema } from '@/lib/validation/search';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

/** The reader's words, tidied, or the message to show at the field. */
function readQuery(raw: string): { query: string; error?: string } {
  const parsed = searchQuerySchema.safeParse(raw);
  return parsed.success ? { query: parsed.data } : { query: raw, error: parsed.error.issues[0].message };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query, error } = readQuery(searchParam((await searchParams).q));
  // Result pages are endless and thin: search engines may follow their links but not list them.
  return pageMetadata({
    title: query && !error ? `“${query}”: search` : 'Search',
    description: 'Search every story we have published.',
    path: '/search',
    noindex: true,
  });
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const { query, error } = readQuery(searchParam(params.q));
  const page = pageNumber(params.page);
  const settings = await getSiteSettings();
  const label = `Search ${settings.name}`;

  if (!query || error) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="font-serif text-3xl leading-tight font-bold tracking-tight sm:text-5xl">Search</h1>
        <div className="mt-6">
          <SearchPageForm label={label} query={query} error={error} />
        </div>
      </div>
    );
  }

  const results = await searchArticles(query, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(results.total / PAGE_SIZE));
  const path = `${SEARCH_PATH}?${new URLSearchParams({ q: query })}`;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl leading-tight font-bold tracking-tight sm:text-5xl">Search</h1>
      <div className="mt-6">
        <SearchPageForm label={label} query={query} />
      </div>

      {results.total === 0 ? (
        <NoResults query={query} searchable={results.searchable} siteName={settings.name} />
      ) : results.hits.length === 0 ? (
        <section aria-labelledby="results-heading" className="mt-10">
          <h2 id="results-heading" className="font-serif text-2xl font-bold">
            There is no page {page} of these results
          </h2>
          <p className="mt-3 font-serif text-lg">
            {results.more ? `Search shows the first ${resultCount(results.total)} for “${query}”` : `${resultCount(results.total)} for “${query}” fit`} on{' '}
            {pages === 1 ? 'one page' : `${pages} pages`}.{' '}
            <Link href={path} className="text-accent underline">
              Go to the first page
            </Link>
            .
          </p>
        </section>
      ) : (
        <section aria-labelledby="results-heading" className="mt-10">
          <h2 id="results-heading" className="border-b-2 border-ink pb-2 text-base font-bold">
            {resultCount(results.total, results.more)} for “{query}”
          </h2>
          <ol aria-label="Search results" className="divide-y divide-rule">
            {results.hits.map((hit) => (
              <li key={hit.id} className="py-6">
                <Result hit={hit} timeZone={settings.timeZone} locale={settings.locale} />
              </li>
            ))}
          </ol>
          <Pagination path={path} page={page} pages={pages} labels={{ previous: '← Previous', next: 'Next →' }} />
        </section>
      )}
    </div>
  );
}

const resultCount = (n: number, more = false) => `${more ? 'More than ' : ''}${n.toLocaleString('en-GB')} ${n === 1 && !more ? 'result' : 'results'}`;

function Result({ hit, timeZone, locale }: { hit: SearchHit; timeZone: string; locale: string }) {
  return (
    <article className="flex gap-5">
      <div className="min-w-0 flex-1">
        {hit.section && <p className="mb-1 text-xs font-semibold tracking-wider text-accent uppercase">{hit.section.name}</p>}
        <h3 className="font-serif text-xl leading-snug font-bold sm:text-2xl">
          <Link href={articleHref(hit.slug)} className="hover:underline">
            <Highlighted segments={hit.headlineSegments} />
          </Link>
        </h3>
        {hit.snippet.length > 0 && (
          <p className="mt-2 font-serif text-base leading-relaxed text-muted sm:text-lg">
            <Highlighted segments={hit.snippet} />
          </p>
        )}
        <p className="mt-2 text-xs text-muted">
          <BylineNames authors={hit.authors} /> · <time dateTime={hit.publishedAt.toISOString()}>{formatDate(hit.publishedAt, timeZone, locale)}</time>
        </p>
      </div>
      {hit.leadImage && (
        <Link href={articleHref(hit.slug)} tabIndex={-1} aria-hidden="true" className="hidden shrink-0 self-start sm:block">
          <ResponsiveImage src={hit.leadImage.src} alt="" width={hit.leadImage.width} height={hit.leadImage.height} sizes="10rem" className="aspect-[3/2] w-40 bg-rule object-cover" />
        </Link>
      )}
    </article>
  );
}

/** Nothing matched: say so plainly, then give the reader somewhere to go. */
async function NoResults({ query, searchable, siteName }: { query: string; searchable: boolean; siteName: string }) {
  const [sections, latest] = await Promise.all([listSectionsInHomeOrder(), listPublishedArticles({ limit: 4 })]);
  return (
    <section aria-labelledby="results-heading" className="mt-10">
      <h2 id="results-heading" className="font-serif text-2xl leading-snug font-bold">
        {searchable ? `No results for “${query}”` : `“${query}” is too common to search for`}
      </h2>
      <p className="mt-3 font-serif text-lg">
        {searchable
          ? `Nothing published on ${siteName} matches your search.`
          : 'Very common words such as “the”, “and” or “of” are left out of searches, and punctuation is ignored, which left nothing to look for.'}
      </p>
      <h3 className="mt-6 text-sm font-bold">You could try</h3>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 font-serif text-lg">
        {searchable && <li>checking the spelling,</li>}
        <li>fewer words, or different ones: “ferry” finds more than “ferry timetable changes this spring”,</li>
        <li>a more general subject, or a person’s or place’s name.</li>
      </ul>

      {sections.length > 0 && (
        <nav aria-labelledby="browse-heading" className="mt-10">
          <h3 id="browse-heading" className="border-b-2 border-ink pb-2 text-sm font-bold tracking-widest uppercase">
            Browse the sections
          </h3>
          <ul className="mt-4 flex flex-wrap gap-2">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={sectionHref(section.slug)} className="inline-block rounded-sm border border-rule px-3 py-1.5 text-sm font-semibold hover:border-ink">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="mt-10">
          <h3 id="latest-heading" className="border-b-2 border-ink pb-2 text-sm font-bold tracking-widest uppercase">
            Latest stories
          </h3>
          <ul className="mt-4 grid gap-6 sm:grid-cols-2">
            {latest.map((article) => (
              <li key={article.id}>
                <StoryCard article={article} compact heading="h4" />
              </li>
            ))}
          </ul>
          <p className="mt-6 text-sm">
            <Link href="/latest" className="font-semibold text-accent underline">
              All stories, newest first →
            </Link>
          </p>
        </section>
      )}
    </section>
  );
}

