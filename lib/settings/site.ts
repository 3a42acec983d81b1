import 'server-only';
import { cache } from 'react';
import { getSettingsImage, readSiteSettingsDocument } from '@/lib/cache/loaders';
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
 * The newsroom's identity as the admin last saved it, once per request thanks
 * to React's cache. Read from the data cache under the `settings` tag, which
 * the settings action invalidates: an admin's change shows at once on every
 * cached page, with no deploy. During `next build` it gives the defaults (no
 * database needed; nothing built then is served: lib/cache/cached.ts).
 */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => mergeSiteSettings(await readSiteSettingsDocument()));

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
  const image = await getSettingsImage(logoImageId);
  return image ? { id: image.id, src: mediaUrl(image), width: image.width, height: image.height } : null;
});
