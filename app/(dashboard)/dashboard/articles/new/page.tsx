import { ArticleEditor } from '@/components/editor/article-editor.client';
import { listBylineOptions } from '@/db/queries/people';
import { listSections, listTags } from '@/db/queries/taxonomy';
import { can } from '@/lib/permissions';
import { EMPTY_DOC } from '@/lib/rich-text/text';
import { requireUser } from '@/lib/session';
import { getSiteSettings } from '@/lib/settings/site';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requireUser();
  const [sections, tags, staff, site] = await Promise.all([listSections(), listTags(), listBylineOptions(), getSiteSettings()]);
  return (
    <ArticleEditor
      article={{
        id: null,
        version: null,
        status: 'draft',
        slug: '',
        authorId: user.id,
        wordCount: 0,
        publishedAt: null,
        draft: {
          headline: '',
          dek: '',
          slug: '',
          slugAuto: true,
          sectionId: null,
          tags: [],
          bylines: [user.id],
          leadImage: null,
          leadImageCaption: '',
          leadImageCredit: '',
          leadImageAlt: '',
          body: EMPTY_DOC,
        },
      }}
      sections={sections.map(({ id, name }) => ({ id, name }))}
      knownTags={tags.map((t) => t.name)}
      staff={staff}
      me={{ id: user.id, name: user.name, role: user.role }}
      canEdit={can.createArticle(user)}
      notes={[]}
      timeZone={site.timeZone}
    />
  );
}
