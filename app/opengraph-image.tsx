import { ImageResponse } from 'next/og';
import { cardFonts, SocialCard } from '@/components/site/social-card';
import { OG_IMAGE_SIZE } from '@/lib/seo';
import { getSiteSettings } from '@/lib/settings/site';

// The newsroom's name and tagline come from its settings, which an admin can change at any time.
export const dynamic = 'force-dynamic';

export const alt = 'The newsroom’s name and tagline';
export const size = OG_IMAGE_SIZE;
export const contentType = 'image/png';

export default async function SiteCard() {
  const settings = await getSiteSettings();
  return new ImageResponse(<SocialCard variant="site" siteName={settings.name} headline={settings.name} footer={settings.tagline} />, {
    ...OG_IMAGE_SIZE,
    fonts: await cardFonts(),
    headers: { 'Cache-Control': 'public, max-age=3600, stale-while-revalidate=86400' },
  });
}
