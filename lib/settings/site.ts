import 'server-only';
import { unstable_noStore as noStore } from 'next/cache';
import { cache } from 'react';
import { getImageInfo } from '@/db/queries/images';
import { readSettings } from '@/db/queries/settings';
import { mediaUrl } from '@/lib/media';
import { siteSettingsSchema, SITE_DEFAULTS, type SiteSettings } from './site-schema';

export type { SiteSettings };

/** The settings document's key in the `settings` table. */
export const SITE_SETTINGS_KEY = 'site';

/**
 * Each field of a stored document that still validates, over the defaults: a
 * bad or outdated value falls back to its default alone, so one broken field
 * never takes the reader's site down or wipes out the others.
 */
export function mergeSiteSettings(stored: Record<string, unknown>): SiteSettings {
  const merged = { ...SITE_DEFAULTS } as Record<keyof SiteSettings, unknown>;
  for (const key of Object.keys(siteSettingsSchema.shape) as (keyof SiteSettings)[]) {
    if (!Object.hasOwn(stored, key)) continue;
    const parsed = siteSettingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as SiteSettings;
}

/**
 * The newsroom's identity as the admin last saved it. Read on every request
 * (an admin's change shows at once, with no deploy), once per request thanks
 * to React's cache. `noStore()` keeps Next.js from baking the values into a
 * page at build time, when there is no database to read them from (and is a
 * no-op outside a request: scripts and tests).
 */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => {
  noStore();
  return mergeSiteSettings(await readSettings(SITE_SETTINGS_KEY));
});

export interface SiteLogo {
  id: string;
  src: string;
  width: number;
  height: number;
}

/** The uploaded logo with its real size (for next/image), or null: the name is shown in type. */
export const getSiteLogo = cache(async (): Promise<SiteLogo | null> => {
  const { logoImageId } = await getSiteSettings();
  if (!logoImageId) return null;
  const image = await getImageInfo(logoImageId);
  return image ? { id: image.id, src: mediaUrl(image), width: image.width, height: image.height } : null;
});
