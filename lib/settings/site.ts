import 'server-only';
import { cache } from 'react';
import { readSettings } from '@/db/queries/settings';
import { siteSettingsSchema, SITE_DEFAULTS, type SiteSettings } from './site-schema';

export type { SiteSettings };

/**
 * The newsroom's identity as the admin last saved it, over the defaults. A
 * stored document that no longer validates field by field falls back to the
 * default for that field, so a bad row never takes the reader's site down.
 */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => {
  const stored = await readSettings('site');
  const merged: Record<string, unknown> = { ...SITE_DEFAULTS };
  for (const [key, value] of Object.entries(stored)) {
    const field = siteSettingsSchema.shape[key as keyof SiteSettings];
    if (field && field.safeParse(value).success) merged[key] = value;
  }
  return siteSettingsSchema.parse(merged);
});
