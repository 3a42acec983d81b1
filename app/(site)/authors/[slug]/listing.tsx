import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { authorHref } from '@/components/site/byline';
import { pageHref, PAGE_SIZE, Pagination } from '@/components/site/pagination';
import { ResponsiveImage } from '@/components/site/responsive-image';
import { StoryCard } from '@/components/site/story-card';
import { countPublishedArticlesByAuthor, getAuthor, listPublishedArticlesByAuthor } from '@/lib/cache/loaders';
import { feedPaths, pageMetadata } from '@/lib/seo';

// One loader for the page and its metadata.
const loadAuthor = cache(getAuthor);
const loadCount = cache(countPublishedArticlesByAuthor);

/** "Ilse Marrow" → "IM"; one letter for a one-word name. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined) => (word ? Array.from(word)[0].toLocaleUpperCase('en-GB') : '');
  return words.length > 1 ? first(words[0]) + first(words.at(-1)) : first(words[0]);
}

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await loadAuthor(slug);
  if (!author) return {};
  return pageMetadata({
    title: page > 1 ? `${author.name} (page ${page})` : author.name,
    description: author.bio.trim() || `Articles by ${author.name}`,
    path: pageHref(authorHref(author.slug), page),
    feed: { title: author.name, path: feedPaths.author(author.slug) },
  });
}

/** Page `page` of a person's page (page 1 at /authors/x, the others at /authors/x?page=N). */
export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author = await loadAuthor(slug);
  if (!author) notFound();
  const [total, articles] = await Promise.all([loadCount(author.id), listPublishedArticlesByAuthor(author.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })]);
  // Staff who have neither written anything public nor said who they are get no public page.
  if (total === 0 && !author.bio.trim()) notFound();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pages) notFound();
  const bio = author.bio.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);

  return (
    <div>
      <header className="flex flex-col gap-5 border-b-2 border-ink pb-6 sm:flex-row sm:items-center">
        {author.avatar ? (
          <ResponsiveImage src={author.avatar.src} alt="" width={author.avatar.width} height={author.avatar.height} sizes="7rem" preload className="size-24 shrink-0 rounded-full bg-rule object-cover sm:size-28" />
        ) : (
          <span aria-hidden="true" className="flex size-24 shrink-0 items-center justify-center rounded-full bg-ink font-serif text-3xl font-bold text-paper sm:size-28 sm:text-4xl">
            {initials(author.name)}
          </span>
        )}
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-widest text-muted uppercase">Author</p>
          <h1 className="font-serif text-3xl leading-tight font-bold tracking-tight sm:text-5xl">{author.name}</h1>
          {bio.length > 0 && (
            <div className="mt-3 flex max-w-[40rem] flex-col gap-2 font-serif text-lg leading-snug text-muted">
              {bio.map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
          )}
        </div>
      </header>

      <section aria-labelledby="articles-heading" className="mt-8">
        <h2 id="articles-heading" className="mb-5 text-sm font-bold tracking-widest uppercase">
          {total === 0 ? 'No published articles yet' : `Articles by ${author.name}`}
        </h2>
        <div className="grid gap-10 sm:grid-cols-2 lg:grid-cols-3">
          {articles.map((article, i) => (
            <StoryCard key={article.id} article={article} priority={page === 1 && i < 3} />
          ))}
        </div>
      </section>
      <Pagination path={authorHref(author.slug)} page={page} pages={pages} />
    </div>
  );
}
