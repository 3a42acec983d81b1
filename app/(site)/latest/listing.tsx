import type { Metadata } from 'next';
import { pageHref } from '@/components/site/pagination';
import { ListingHeader, pageWindow, StoryList } from '@/components/site/story-list';
import { countPublishedArticles, listPublishedArticles } from '@/lib/cache/loaders';
import { pageMetadata } from '@/lib/seo';

export function latestMetadata(page: number): Promise<Metadata> {
  return pageMetadata({
    title: page > 1 ? `All stories (page ${page})` : 'All stories',
    description: 'Every story we have published, newest first.',
    path: pageHref('/latest', page),
  });
}

/** The whole archive, newest first: where the home page's "More stories" leads. */
export async function LatestListing({ page }: { page: number }) {
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
