import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { pageHref } from '@/components/site/pagination';
import { ListingHeader, pageWindow, StoryList } from '@/components/site/story-list';
import { countPublishedArticles, getSectionBySlug, listPublishedArticles } from '@/lib/cache/loaders';
import { sectionHref } from '@/lib/paths';
import { feedPaths, pageMetadata } from '@/lib/seo';

const loadSection = cache(getSectionBySlug);

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const section = await loadSection(slug);
  if (!section) return {};
  return pageMetadata({
    title: page > 1 ? `${section.name} (page ${page})` : section.name,
    description: section.description || `The latest ${section.name} stories`,
    path: pageHref(sectionHref(section.slug), page),
    feed: { title: section.name, path: feedPaths.section(section.slug) },
  });
}

/** Page `page` of a section (page 1 at /sections/x, the others at /sections/x?page=N). */
export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const section = await loadSection(slug);
  if (!section) notFound();
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
