import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { pageHref, pageNumber } from '@/components/site/pagination';
import { ListingHeader, pageWindow, StoryList } from '@/components/site/story-list';
import { countPublishedArticles, listPublishedArticles } from '@/db/queries/articles';
import { getTagBySlug } from '@/db/queries/taxonomy';
import { tagHref } from '@/lib/paths';
import { feedPaths, pageMetadata } from '@/lib/seo';

const loadTag = cache(getTagBySlug);
const loadCount = cache((tagId: string) => countPublishedArticles({ tagId }));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const tag = await loadTag((await params).slug);
  if (!tag) return {};
  const page = pageNumber((await searchParams).page);
  return pageMetadata({
    title: page > 1 ? `${tag.name} (page ${page})` : tag.name,
    description: `Stories about ${tag.name}`,
    path: pageHref(tagHref(tag.slug), page),
    feed: { title: tag.name, path: feedPaths.tag(tag.slug) },
  });
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await loadTag((await params).slug);
  if (!tag) notFound();
  const total = await loadCount(tag.id);
  // A tag that only drafts use is not a public page.
  if (total === 0) notFound();
  const page = pageNumber((await searchParams).page);
  const { pages, limit, offset } = pageWindow(page, total);
  const articles = await listPublishedArticles({ tagId: tag.id, limit, offset });
  return (
    <div>
      <ListingHeader kicker="Tag" title={tag.name} description={`${total} ${total === 1 ? 'story' : 'stories'}`} />
      <StoryList articles={articles} path={tagHref(tag.slug)} page={page} pages={pages} />
    </div>
  );
}
