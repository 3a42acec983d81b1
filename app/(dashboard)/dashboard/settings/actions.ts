'use server';

import { revalidatePath } from 'next/cache';
import { getImageInfo } from '@/db/queries/images';
import { readSettings, writeSettings } from '@/db/queries/settings';
import { listSections } from '@/db/queries/taxonomy';
import { authedAction, fail, type ActionResult, type FieldErrors } from '@/lib/action';
import { invalidateTags, siteSettingsTags } from '@/lib/cache/tags';
import { can } from '@/lib/permissions';
import { mergeSiteSettings, SITE_SETTINGS_KEY } from '@/lib/settings/site';
import { siteSettingsInputSchema, type SiteSettings } from '@/lib/settings/site-schema';

export type SavedSiteSettings = Omit<SiteSettings, 'locale'>;

const FIELD_LABEL: Record<keyof SavedSiteSettings, string> = {
  name: 'name',
  tagline: 'tagline',
  logoImageId: 'logo',
  timeZone: 'time zone',
  supportText: 'support text',
  sectionOrder: 'section order',
};

/**
 * Admins only, checked here as well as on the page: a server action is a
 * public endpoint. Everything is checked before anything is written, so a bad
 * field saves nothing at all.
 */
export const updateSiteSettingsAction = authedAction(
  { roles: ['admin'], schema: siteSettingsInputSchema },
  async (input, user): Promise<ActionResult<SavedSiteSettings>> => {
    if (!can.manageSettings(user)) return fail('forbidden', 'Only admins can change the site settings.');

    const errors: FieldErrors = {};
    if (input.logoImageId) {
      const image = await getImageInfo(input.logoImageId);
      if (!image) errors.logoImageId = 'That image is no longer available. Upload the logo again.';
    }
    const known = new Set((await listSections()).map((section) => section.slug));
    const unknown = input.sectionOrder.filter((slug) => !known.has(slug));
    if (unknown.length > 0) errors.sectionOrder = `There is no section “${unknown[0]}” any more. Reload the page to see the current sections.`;
    if (Object.keys(errors).length > 0) return fail('invalid', 'Some fields need attention.', errors);

    const stored = await readSettings(SITE_SETTINGS_KEY);
    const before = mergeSiteSettings(stored);
    const changed = (Object.keys(FIELD_LABEL) as (keyof SavedSiteSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(input[key]));
    if (changed.length === 0) return { ok: true, data: input };
    // Keys the form does not edit (the locale) are kept as they were.
    await writeSettings(SITE_SETTINGS_KEY, { ...stored, ...input }, user, { changed: changed.map((key) => FIELD_LABEL[key]).join(', ') });

    // The name, logo and order are on every reader page (cached: their `settings` tag) and in the dashboard's header.
    await invalidateTags(siteSettingsTags());
    revalidatePath('/', 'layout');
    return { ok: true, data: input };
  },
);
