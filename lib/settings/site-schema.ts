import { z } from 'zod';

/** Zones the runtime knows; checked so a typo cannot break every date on the site. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const line = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, { error: `Enter ${label}.` }).max(max, { error: `Keep ${label} to ${max} characters.` }));

export const siteSettingsSchema = z.object({
  name: line('the newsroom’s name', 80),
  tagline: line('a tagline', 160),
  /** An uploaded image (images.id); null shows the name in type. */
  logoImageId: z.uuid({ error: 'Not a valid image.' }).nullable(),
  timeZone: z
    .string({ error: 'Choose a time zone.' })
    .trim()
    .refine(isTimeZone, { error: 'Choose a time zone from the list, like Europe/London.' }),
  /** The call to action in the header of every article and in the footer. */
  supportText: line('the “Support us” text', 60),
  /** Section slugs in the order the home page shows them; sections not listed follow, by name. */
  sectionOrder: z.array(z.string().max(120)).max(200),
  locale: z.string().trim().min(2).max(35),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const SITE_DEFAULTS: SiteSettings = {
  name: process.env.NEXT_PUBLIC_SITE_NAME || 'The Harbour Ledger',
  tagline: 'Independent news for Port Alder and the coast',
  logoImageId: null,
  timeZone: process.env.NEWSROOM_TIME_ZONE || 'Europe/London',
  supportText: 'Support the Ledger',
  sectionOrder: [],
  locale: 'en-GB',
};
