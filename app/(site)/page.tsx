import type { Metadata } from 'next';
import Link from 'next/link';
import { StoryCard } from '@/components/site/story-card';
import { listPublishedArticles, listSectionRails } from '@/lib/cache/loaders';
import { listSectionsInHomeOrder } from '@/lib/settings/sections';
import { sectionHref } from '@/lib/paths';
import { HomeJsonLd } from '@/components/site/json-ld';
import { pageMetadata } from '@/lib/seo';
import { getSiteSettings } from '@/lib/settings/site';

export const revalidate = 60;

const LATEST = 4;
const PER_RAIL = 4;

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return pageMetadata({ title: site.name, absoluteTitle: true, description: site.tagline, path: '/' });
}

export default async function HomePage() {
  const [articles, sections] = await Promise.all([listPublishedArticles({ limit: 1 + LATEST }), listSectionsInHomeOrder()]);
  if (articles.length === 0) {
    return <p className="py-24 text-center font-serif text-xl text-muted">Nothing published yet. Check back soon.</p>;
  }
  const [lead, ...latest] = articles;
  const rails = await listSectionRails(
    sections.map((s) => s.id),
    PER_RAIL,
    articles.map((a) => a.id),
  );

  return (
    <div className="flex flex-col gap-12">
      <h1 className="sr-only">Front page</h1>
      <HomeJsonLd />
      <div className="grid gap-10 lg:grid-cols-4">
        <div className="lg:col-span-3">
          <StoryCard article={lead} lead priority />
        </div>
        {latest.length > 0 && (
          <section aria-labelledby="latest-heading" className="border-t-2 border-ink pt-4 lg:border-t-0 lg:border-l lg:border-rule lg:pt-0 lg:pl-6">
            <h2 id="latest-heading" className="mb-4 text-sm font-bold tracking-widest uppercase">
              Latest
            </h2>
            <ol className="flex flex-col divide-y divide-rule">
              {latest.map((article) => (
                <li key={article.id} className="py-3 first:pt-0">
                  <StoryCard article={article} compact heading="h3" />
                </li>
              ))}
            </ol>
            <p className="mt-3 text-sm">
              <Link href="/latest" className="font-semibold text-accent underline">
                All stories
              </Link>
            </p>
          </section>
        )}
      </div>
      {sections.map((section) => {
        const items = rails.get(section.id) ?? [];
        if (items.length === 0) return null;
        return (
          <section key={section.id} aria-labelledby={`rail-${section.slug}`} className="border-t-2 border-ink pt-4">
            <div className="mb-5 flex items-baseline justify-between gap-4">
              <h2 id={`rail-${section.slug}`} className="text-sm font-bold tracking-widest uppercase">
                <Link href={sectionHref(section.slug)} className="hover:underline">
                  {section.name}
                </Link>
              </h2>
              <Link href={sectionHref(section.slug)} className="text-sm text-muted underline hover:text-ink">
                More in {section.name}
              </Link>
            </div>
            <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
              {items.map((article) => (
                <StoryCard key={article.id} article={article} heading="h3" />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
