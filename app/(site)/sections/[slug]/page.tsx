import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { pageHref, pageNumber } from '@/components/site/pagination';
import { ListingHeader, pageWindow, StoryList } from '@/components/site/story-list';
import { countPublishedArticles, listPublishedArticles } from '@/db/queries/articles';
import { getSectionBySlug } from '@/db/queries/taxonomy';
import { sectionHref } from '@/lib/paths';
import { feedPaths, pageMetadata } from '@/lib/seo';

const loadSection = cache(getSectionBySlug);

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const section = await loadSection((await params).slug);
  if (!section) return {};
  const page = pageNumber((await searchParams).page);
  return pageMetadata({
    title: page > 1 ? `${section.name} (page ${page})` : section.name,
    description: section.description || `The latest ${section.name} stories`,
    path: pageHref(sectionHref(section.slug), page),
    feed: { title: section.name, path: feedPaths.section(section.slug) },
  });
}

export default async function SectionPage({ params, searchParams }: Props) {
  const section = await loadSection((await params).slug);
  if (!section) notFound();
  const page = pageNumber((await searchParams).page);
  const total = await countPublishedArticles({ sectionId: section.id });
  const { pages, limit, offset } = pageWindow(page, total);
  const articles = await listPublishedArticles({ sectionId: section.id, limit, offset });

  return (
    <div>
      <ListingHeader kicker="Section" title={section.name} description={section.description} />
      {total === 0 ? (
        <p className="py-16 text-center font-serif text-lg text-muted">Nothing published in {section.name} yet.</p>
      ) : (
        <StoryList articles={articles} path={sectionHref(section.slug)} page={page} pages={pages} leadFirst />
      )}
    </div>
  );
}
