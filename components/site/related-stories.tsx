import type { PublicArticle } from '@/db/queries/articles';
import { listRelatedArticles } from '@/lib/cache/loaders';
import { StoryCard } from './story-card';

/** "Read next": stories sharing this one's tags, then the newest of its section. */
export async function RelatedStories({ article }: { article: Pick<PublicArticle, 'id' | 'sectionId' | 'tags'> }) {
  const related = await listRelatedArticles({ id: article.id, sectionId: article.sectionId, tagIds: article.tags.map((t) => t.id) });
  if (related.length === 0) return null;
  return (
    <aside aria-labelledby="related-heading" className="related-stories mx-auto mt-14 max-w-6xl border-t-2 border-ink pt-4">
      <h2 id="related-heading" className="mb-5 text-sm font-bold tracking-widest uppercase">
        Read next
      </h2>
      <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
        {related.map((story) => (
          <StoryCard key={story.id} article={story} heading="h3" />
        ))}
      </div>
    </aside>
  );
}
