import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { pageHref } from '@/components/site/pagination';
import { ListingHeader, pageWindow, StoryList } from '@/components/site/story-list';
import { countPublishedArticles, getTagBySlug, listPublishedArticles } from '@/lib/cache/loaders';
import { tagHref } from '@/lib/paths';
import { feedPaths, pageMetadata } from '@/lib/seo';

const loadTag = cache(getTagBySlug);
const loadCount = cache((tagId: string) => countPublishedArticles({ tagId }));

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const tag = await loadTag(slug);
  if (!tag) return {};
  return pageMetadata({
    title: page > 1 ? `${tag.name} (page ${page})` : tag.name,
    description: `Stories about ${tag.name}`,
    path: pageHref(tagHref(tag.slug), page),
    feed: { title: tag.name, path: feedPaths.tag(tag.slug) },
  });
}

/** Page `page` of a tag's stories (page 1 at /tags/x, the others at /tags/x?page=N). */
export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const tag = await loadTag(slug);
  if (!tag) notFound();
  const total = await loadCount(tag.id);
  // A tag that only drafts use is not a public page.
  if (total === 0) notFound();
  const { pages, limit, offset } = pageWindow(page, total);
  const articles = await listPublishedArticles({ tagId: tag.id, limit, offset });
  return (
    <div>
      <ListingHeader kicker="Tag" title={tag.name} description={`${total} ${total === 1 ? 'story' : 'stories'}`} />
      <StoryList articles={articles} path={tagHref(tag.slug)} page={page} pages={pages} />
    </div>
  );
}
