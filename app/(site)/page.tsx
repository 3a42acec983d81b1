import { StoryCard } from '@/components/site/story-card';
import { listPublishedArticles } from '@/db/queries/articles';
import { listSections } from '@/db/queries/taxonomy';

export default async function HomePage() {
  const [articles, sections] = await Promise.all([listPublishedArticles({ limit: 30 }), listSections()]);
  if (articles.length === 0) {
    return <p className="py-24 text-center font-serif text-xl text-muted">Nothing published yet. Check back soon.</p>;
  }
  const [lead, ...rest] = articles;
  const latest = rest.slice(0, 6);
  const shown = new Set([lead, ...latest].map((a) => a.id));
  const bySection = sections
    .map((section) => ({ section, items: rest.filter((a) => a.section?.slug === section.slug && !shown.has(a.id)).slice(0, 3) }))
    .filter((group) => group.items.length > 0);

  return (
    <div className="flex flex-col gap-12">
      <h1 className="sr-only">Latest news</h1>
      <StoryCard article={lead} lead priority />
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="border-t-2 border-ink pt-4">
          <h2 id="latest-heading" className="mb-5 text-sm font-bold tracking-widest uppercase">
            Latest
          </h2>
          <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {latest.map((article) => (
              <StoryCard key={article.id} article={article} />
            ))}
          </div>
        </section>
      )}
      {bySection.map(({ section, items }) => (
        <section key={section.slug} id={section.slug} aria-labelledby={`section-${section.slug}`} className="scroll-mt-4 border-t-2 border-ink pt-4">
          <h2 id={`section-${section.slug}`} className="mb-5 text-sm font-bold tracking-widest uppercase">
            {section.name}
          </h2>
          <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
            {items.map((article) => (
              <StoryCard key={article.id} article={article} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
