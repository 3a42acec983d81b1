import { notFound } from 'next/navigation';
import { CorrectionsPanel } from '@/components/dashboard/corrections-panel.client';
import { ArticleEditor } from '@/components/editor/article-editor.client';
import { listCorrectionsForArticle } from '@/db/queries/corrections';
import { toCorrectionItem } from '@/lib/corrections';
import { getArticle, listArticleBylineIds, listArticleTagNames } from '@/db/queries/articles';
import { getImageInfo } from '@/db/queries/images';
import { listArticleNotes } from '@/db/queries/notes';
import { listBylineOptions } from '@/db/queries/people';
import { listSections, listTags } from '@/db/queries/taxonomy';
import { mediaUrl } from '@/lib/media';
import { can } from '@/lib/permissions';
import { requireUser } from '@/lib/session';
import { getSiteSettings } from '@/lib/settings/site';
import { slugify } from '@/lib/slug';

export const metadata = { title: 'Edit article' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const article = UUID.test(id) ? await getArticle(id) : null;
  // Someone else's article looks exactly like a missing one to a writer.
  if (!article || !can.viewArticle(user, article)) notFound();

  const [sections, tags, tagNames, bylines, staff, notes, corrections, image, site] = await Promise.all([
    listSections(),
    listTags(),
    listArticleTagNames(article.id),
    listArticleBylineIds(article),
    listBylineOptions(),
    listArticleNotes(article.id),
    listCorrectionsForArticle(article.id),
    article.leadImageId ? getImageInfo(article.leadImageId) : null,
    getSiteSettings(),
  ]);

  return (
    <ArticleEditor
      article={{
        id: article.id,
        version: article.version,
        status: article.status,
        slug: article.slug,
        authorId: article.authorId,
        wordCount: article.wordCount,
        publishedAt: article.publishedAt?.toISOString() ?? null,
        draft: {
          headline: article.headline,
          dek: article.dek,
          slug: article.slug,
          slugAuto: article.slug === (slugify(article.headline) || 'untitled') && article.publishedAt === null,
          sectionId: article.sectionId,
          tags: tagNames,
          bylines,
          leadImage: image ? { id: image.id, src: mediaUrl(image), width: image.width, height: image.height } : null,
          leadImageCaption: article.leadImageCaption,
          leadImageCredit: article.leadImageCredit,
          leadImageAlt: article.leadImageAlt,
          body: article.body,
        },
      }}
      sections={sections.map(({ id: sectionId, name }) => ({ id: sectionId, name }))}
      knownTags={tags.map((t) => t.name)}
      staff={staff}
      me={{ id: user.id, name: user.name, role: user.role }}
      canEdit={can.editArticle(user, article)}
      notes={notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() }))}
      timeZone={site.timeZone}
      sidebarExtra={
        article.status === 'published' || corrections.length > 0 ? (
          <CorrectionsPanel articleId={article.id} initialCorrections={corrections.map((correction) => toCorrectionItem(correction, site.timeZone))} canAdd={article.status === 'published' && can.publishArticle(user)} />
        ) : null
      }
    />
  );
}
