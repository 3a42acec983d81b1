import { ArticleEditor } from '@/components/editor/article-editor.client';
import { listSections, listTags } from '@/db/queries/taxonomy';
import { can } from '@/lib/permissions';
import { EMPTY_DOC } from '@/lib/rich-text/text';
import { requireUser } from '@/lib/session';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requireUser();
  const [sections, tags] = await Promise.all([listSections(), listTags()]);
  return (
    <ArticleEditor
      article={{
        id: null,
        version: null,
        status: 'draft',
        slug: '',
        wordCount: 0,
        updatedAt: null,
        draft: {
          headline: '',
          dek: '',
          slug: '',
          slugAuto: true,
          sectionId: null,
          tags: [],
          leadImage: null,
          leadImageCaption: '',
          leadImageCredit: '',
          leadImageAlt: '',
          body: EMPTY_DOC,
        },
      }}
      sections={sections.map(({ id, name }) => ({ id, name }))}
      knownTags={tags.map((t) => t.name)}
      canEdit={can.createArticle(user)}
      canPublish={can.publishArticle(user)}
    />
  );
}
