import type { PublicArticle } from '@/db/queries/articles';
import { articleBreadcrumbLd, newsArticleLd, organizationLd, serializeJsonLd, webSiteLd, type JsonLd, type LdImage, type LdPublisher } from '@/lib/json-ld';
import { mediaUrl } from '@/lib/media';
import { articleCardPath, articleDescription, DEFAULT_OG_IMAGE_PATH, OG_IMAGE_SIZE } from '@/lib/seo';
import { getSettingsImage } from '@/lib/cache/loaders';
import { getSiteSettings } from '@/lib/settings/site';

/** One structured-data block; the serialiser makes the JSON safe inside HTML. */
export function JsonLdScript({ data }: { data: JsonLd | JsonLd[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

/** The newsroom as publisher: its uploaded logo, or else the site's generated card, which shows the name. */
async function loadPublisher(): Promise<LdPublisher> {
  const settings = await getSiteSettings();
  const logo = settings.logoImageId ? await getSettingsImage(settings.logoImageId) : null;
  return {
    name: settings.name,
    description: settings.tagline,
    logo: logo ? { url: mediaUrl(logo), width: logo.width, height: logo.height } : { url: DEFAULT_OG_IMAGE_PATH, ...OG_IMAGE_SIZE },
  };
}

/** NewsArticle and BreadcrumbList for an article page. */
export async function ArticleJsonLd({ article }: { article: PublicArticle }) {
  const publisher = await loadPublisher();
  const modifiedAt = article.modifiedAt && article.modifiedAt > article.publishedAt ? article.modifiedAt : null;
  const images: LdImage[] = [
    ...(article.leadImage ? [{ url: article.leadImage.src, width: article.leadImage.width, height: article.leadImage.height }] : []),
    { url: articleCardPath(article.slug, article.updatedAt), ...OG_IMAGE_SIZE },
  ];
  return (
    <>
      <JsonLdScript
        data={newsArticleLd({
          slug: article.slug,
          headline: article.headline,
          description: articleDescription(article),
          publishedAt: article.publishedAt,
          modifiedAt,
          authors: article.authors,
          section: article.section,
          tags: article.tags,
          images,
          publisher,
        })}
      />
      <JsonLdScript data={articleBreadcrumbLd(article, publisher.name)} />
    </>
  );
}

/** WebSite (with the search action) and NewsMediaOrganization, for the home page. */
export async function HomeJsonLd() {
  const publisher = await loadPublisher();
  return (
    <>
      <JsonLdScript data={webSiteLd({ name: publisher.name, description: publisher.description })} />
      <JsonLdScript data={organizationLd(publisher)} />
    </>
  );
}
