import { z } from 'zod';
import { isStorableText } from '@/lib/validation/text';
import { NAME_MAX, SUPPORT_TEXT_MAX, TAGLINE_MAX } from './limits';

/** Zones the runtime knows; checked so a typo cannot break every date on the site. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's own spelling ("europe/london" → "Europe/London", "utc" → "UTC"),
 * or null for anything that is not a named region: fixed offsets ("+01:00") and
 * the old POSIX names would ignore summer time, which a newsroom never wants.
 */
export function canonicalTimeZone(value: string): string | null {
  if (!isTimeZone(value)) return null;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  return resolved === 'UTC' || /^[A-Z][A-Za-z_-]*(\/[A-Za-z0-9_+-]+)+$/.test(resolved) ? resolved : null;
}

// Postgres refuses U+0000 in jsonb, and the others have no business in a heading.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const line = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `Enter ${label}.` })
        .max(max, { error: `Keep ${label} to ${max} characters.` })
        .refine((value) => !CONTROL.test(value), { error: `Take the control characters out of ${label}.` })
        .refine(isStorableText, { error: `Retype ${label}: it has half of an emoji in it, which cannot be saved.` }),
    );

export const siteSettingsSchema = z.object({
  name: line('the newsroom’s name', NAME_MAX),
  tagline: line('a tagline', TAGLINE_MAX),
  /** An uploaded image (images.id); null shows the name in type. */
  logoImageId: z.uuid({ error: 'That is not an uploaded image. Upload the logo again.' }).nullable(),
  timeZone: z
    .string({ error: 'Choose a time zone.' })
    .trim()
    .min(1, { error: 'Choose a time zone.' })
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (!zone) ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list, like Europe/London.' });
      return zone ?? value;
    }),
  /** The call to action in the header of every article and in the footer. */
  supportText: line('the “Support us” text', SUPPORT_TEXT_MAX),
  /** Section slugs in the order the home page shows them; sections not listed follow, by position and name. */
  // One check on the whole list, so every problem is reported at the field itself.
  sectionOrder: z
    .custom<string[]>((value) => Array.isArray(value) && value.every((slug) => typeof slug === 'string' && slug.length > 0 && slug.length <= 120), {
      error: 'The section order is not valid. Reload the page and try again.',
    })
    .refine((slugs) => slugs.length <= 200, { error: 'There are too many sections in the order.' })
    .refine((slugs) => new Set(slugs).size === slugs.length, { error: 'A section appears twice in the order.' }),
  locale: z.string().trim().min(2).max(35),
});
export type SiteSettings = z.output<typeof siteSettingsSchema>;

/** What the admin's form sends: every field but the locale, which is not edited there. */
export const siteSettingsInputSchema = siteSettingsSchema.omit({ locale: true });
export type SiteSettingsInput = z.input<typeof siteSettingsInputSchema>;

export const SITE_DEFAULTS: SiteSettings = {
  name: process.env.NEXT_PUBLIC_SITE_NAME || 'The Harbour Ledger',
  tagline: 'Independent news for Port Alder and the coast',
  logoImageId: null,
  timeZone: process.env.NEWSROOM_TIME_ZONE || 'Europe/London',
  supportText: 'Support the Ledger',
  sectionOrder: [],
  locale: 'en-GB',
};
