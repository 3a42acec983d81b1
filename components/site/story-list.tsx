import { notFound } from 'next/navigation';
import type { PublicArticleSummary } from '@/db/queries/articles';
import { PAGE_SIZE, Pagination } from './pagination';
import { StoryCard } from './story-card';

/** The top of a list page: what kind of list ("Section"), its name, and what it is about. */
export function ListingHeader({ kicker, title, description, children }: { kicker: string; title: string; description?: string; children?: React.ReactNode }) {
  return (
    <header className="border-b-2 border-ink pb-4">
      <p className="text-xs font-semibold tracking-widest text-muted uppercase">{kicker}</p>
      <h1 className="font-serif text-3xl leading-tight font-bold tracking-tight sm:text-5xl">{title}</h1>
      {description && <p className="mt-3 max-w-[40rem] font-serif text-lg leading-snug text-muted">{description}</p>}
      {children}
    </header>
  );
}

/** Which slice of a list a page shows; a page past the end is a 404, not an empty page. */
export function pageWindow(page: number, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) notFound();
  return { pages, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
}

/**
 * A page of stories, newest first, with the way to older ones. The first page
 * of a list can open with its newest story in large.
 */
export function StoryList({ articles, path, page, pages, leadFirst = false }: { articles: PublicArticleSummary[]; path: string; page: number; pages: number; leadFirst?: boolean }) {
  const lead = leadFirst && page === 1 ? articles[0] : undefined;
  const rest = lead ? articles.slice(1) : articles;
  return (
    <>
      {lead && (
        <div className="mt-8 border-b border-rule pb-8">
          <StoryCard article={lead} lead priority />
        </div>
      )}
      {rest.length > 0 && (
        <div className="mt-8 grid gap-10 sm:grid-cols-2 lg:grid-cols-3">
          {rest.map((article, i) => (
            <StoryCard key={article.id} article={article} priority={!lead && page === 1 && i < 3} />
          ))}
        </div>
      )}
      <Pagination path={path} page={page} pages={pages} />
    </>
  );
}
