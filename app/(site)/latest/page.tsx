import type { Metadata } from 'next';
import { pageHref, pageNumber } from '@/components/site/pagination';
import { ListingHeader, pageWindow, StoryList } from '@/components/site/story-list';
import { countPublishedArticles, listPublishedArticles } from '@/db/queries/articles';
import { pageMetadata } from '@/lib/seo';

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = pageNumber((await searchParams).page);
  return pageMetadata({
    title: page > 1 ? `All stories (page ${page})` : 'All stories',
    description: 'Every story we have published, newest first.',
    path: pageHref('/latest', page),
  });
}

/** The whole archive, newest first: where the home page's "More stories" leads. */
export default async function LatestPage({ searchParams }: Props) {
  const page = pageNumber((await searchParams).page);
  const total = await countPublishedArticles();
  const { pages, limit, offset } = pageWindow(page, total);
  const articles = await listPublishedArticles({ limit, offset });
  return (
    <div>
      <ListingHeader kicker="Archive" title="All stories" description="Everything we have published, newest first." />
      {total === 0 ? (
        <p className="py-16 text-center font-serif text-lg text-muted">Nothing published yet.</p>
      ) : (
        <StoryList articles={articles} path="/latest" page={page} pages={pages} />
      )}
    </div>
  );
}
