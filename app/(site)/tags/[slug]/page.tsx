import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { StoryCard } from '@/components/site/story-card';
import { listPublishedArticlesByTag } from '@/db/queries/articles';
import { getTagBySlug } from '@/db/queries/taxonomy';

const loadTag = cache(getTagBySlug);
type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await loadTag((await params).slug);
  return tag ? { title: tag.name, description: `Articles tagged ${tag.name}`, alternates: { canonical: `/tags/${tag.slug}` } } : {};
}

export default async function TagPage({ params }: Props) {
  const tag = await loadTag((await params).slug);
  if (!tag) notFound();
  const articles = await listPublishedArticlesByTag(tag.id, { limit: 50 });
  if (articles.length === 0) notFound();
  return (
    <div>
      <header className="border-b-2 border-ink pb-3">
        <p className="text-xs font-semibold tracking-widest text-muted uppercase">Tag</p>
        <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
      </header>
      <div className="mt-8 grid gap-10 sm:grid-cols-2 lg:grid-cols-3">
        {articles.map((article) => (
          <StoryCard key={article.id} article={article} />
        ))}
      </div>
    </div>
  );
}
