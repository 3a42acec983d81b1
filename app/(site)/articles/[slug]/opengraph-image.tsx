import { notFound } from 'next/navigation';
import { ImageResponse } from 'next/og';
import { CARD_IMAGE_WIDTH, cardFonts, mediaAsJpeg, SocialCard } from '@/components/site/social-card';
import { getPublishedArticle } from '@/db/queries/articles';
import { formatDate } from '@/lib/dates';
import { OG_IMAGE_SIZE } from '@/lib/seo';
import { getSiteSettings } from '@/lib/settings/site';
import { joinNames } from '@/lib/social-card';

// Drawn on request from the published article: never at build time, never for a draft.
export const dynamic = 'force-dynamic';

export const alt = 'The article’s headline, section, byline and date';
export const size = OG_IMAGE_SIZE;
export const contentType = 'image/png';

export default async function ArticleCard({ params }: { params: Promise<{ slug: string }> }) {
  const [article, settings] = await Promise.all([getPublishedArticle((await params).slug), getSiteSettings()]);
  if (!article) notFound();
  const image = article.leadImage ? await mediaAsJpeg(article.leadImage.src, CARD_IMAGE_WIDTH, OG_IMAGE_SIZE.height) : null;
  return new ImageResponse(
    (
      <SocialCard
        siteName={settings.name}
        kicker={article.section?.name}
        headline={article.headline}
        footer={`By ${joinNames(article.authors.map((author) => author.name))} · ${formatDate(article.publishedAt, settings.timeZone, settings.locale)}`}
        image={image}
      />
    ),
    {
      ...OG_IMAGE_SIZE,
      fonts: await cardFonts(),
      // Platforms fetch a card once per URL, and the URL carries the article's version.
      headers: { 'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400' },
    },
  );
}
