import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateSiteSettingsAction } from '@/app/(dashboard)/dashboard/settings/actions';
import { listAuditEntries } from '@/db/queries/audit';
import { createImage } from '@/db/queries/images';
import { readSettings, writeSettings } from '@/db/queries/settings';
import type { StaffMember } from '@/db/queries/people';
import { listSectionsInHomeOrder } from '@/lib/settings/sections';
import { getSiteLogo, getSiteSettings, SITE_SETTINGS_KEY } from '@/lib/settings/site';
import { canonicalTimeZone, SITE_DEFAULTS, type SiteSettingsInput } from '@/lib/settings/site-schema';
import { listTimeZoneGroups } from '@/lib/settings/time-zones';
import { makeSection, makeUser } from '../helpers/factories';

// The session cookie is the one thing these tests choose; lib/session (and so
// the action's "who is this") is the real code, against the database.
const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => cookie.session }));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => {} }));

const signedInAs = (user: StaffMember | null) => {
  cookie.session = user ? { user: { id: user.id, sessionVersion: user.sessionVersion } } : null;
};

let admin: StaffMember;
let original: Record<string, unknown>;
let sections: Awaited<ReturnType<typeof makeSection>>[];

beforeAll(async () => {
  admin = await makeUser('admin');
  original = await readSettings(SITE_SETTINGS_KEY);
  sections = [await makeSection(), await makeSection(), await makeSection()];
});
afterAll(async () => {
  // Other files in this run share the database: leave the newsroom as it was.
  await writeSettings(SITE_SETTINGS_KEY, original, admin);
});
beforeEach(() => signedInAs(null));

async function logoImage(uploadedBy: string) {
  const data = await sharp({ create: { width: 400, height: 100, channels: 4, background: '#1b1a17' } }).png().toBuffer();
  return createImage({ mimeType: 'image/png', width: 400, height: 100, data, uploadedBy });
}

function valid(overrides: Partial<Record<keyof SiteSettingsInput, unknown>> = {}): Record<string, unknown> {
  return {
    name: 'The Alder Courier',
    tagline: 'News from the estuary, every morning',
    logoImageId: null,
    timeZone: 'America/Halifax',
    supportText: 'Back the Courier',
    sectionOrder: [sections[2].slug, sections[0].slug],
    ...overrides,
  };
}

/** The stored document and the audit entries for it: what "nothing changed" compares. */
const snapshot = async () => ({ stored: await readSettings(SITE_SETTINGS_KEY), audit: (await listAuditEntries({ action: 'settings.change', limit: 500 })).length });

describe('saving the site settings', () => {
  it('an admin changes every field; readers get them at once and the audit log says what changed', async () => {
    signedInAs(admin);
    const logo = await logoImage(admin.id);
    const result = await updateSiteSettingsAction(valid({ name: '  The   Alder Courier ', timeZone: 'america/halifax', logoImageId: logo.id }));
    expect(result).toMatchObject({ ok: true, data: { name: 'The Alder Courier', timeZone: 'America/Halifax', logoImageId: logo.id } });

    const settings = await getSiteSettings();
    expect(settings).toMatchObject({
      name: 'The Alder Courier',
      tagline: 'News from the estuary, every morning',
      timeZone: 'America/Halifax',
      supportText: 'Back the Courier',
      sectionOrder: [sections[2].slug, sections[0].slug],
      locale: SITE_DEFAULTS.locale,
    });
    expect(await getSiteLogo()).toEqual({ id: logo.id, src: `/media/${logo.id}.png`, width: 400, height: 100 });

    const [entry] = await listAuditEntries({ action: 'settings.change', limit: 1 });
    expect(entry).toMatchObject({ actorId: admin.id, objectType: 'settings', objectId: 'site' });
    expect(String(entry.detail?.changed)).toContain('name');
    expect(String(entry.detail?.changed)).toContain('time zone');
  });

  it('removing the logo goes back to the name in type', async () => {
    signedInAs(admin);
    const logo = await logoImage(admin.id);
    expect((await updateSiteSettingsAction(valid({ logoImageId: logo.id }))).ok).toBe(true);
    expect(await getSiteLogo()).not.toBeNull();
    expect((await updateSiteSettingsAction(valid({ logoImageId: null }))).ok).toBe(true);
    expect(await getSiteLogo()).toBeNull();
    expect((await getSiteSettings()).logoImageId).toBeNull();
  });

  it('saving without a change writes nothing to the audit log', async () => {
    signedInAs(admin);
    expect((await updateSiteSettingsAction(valid())).ok).toBe(true);
    const before = await snapshot();
    expect((await updateSiteSettingsAction(valid())).ok).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('every bad field gets its own message and nothing is saved', async () => {
    signedInAs(admin);
    expect((await updateSiteSettingsAction(valid())).ok).toBe(true);
    const before = await snapshot();
    const missingImage = '00000000-0000-4000-8000-000000000000';
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [valid({ name: '' }), 'name', /Enter the newsroom’s name/],
      [valid({ name: '   ' }), 'name', /Enter the newsroom’s name/],
      [valid({ name: 'x'.repeat(81) }), 'name', /80 characters/],
      [valid({ name: 42 }), 'name', /Enter/],
      [valid({ name: 'Bad\u0000name' }), 'name', /control characters/],
      [valid({ tagline: '' }), 'tagline', /Enter a tagline/],
      [valid({ tagline: 'y'.repeat(161) }), 'tagline', /160 characters/],
      [valid({ supportText: '' }), 'supportText', /Enter the “Support us” text/],
      [valid({ supportText: 'z'.repeat(61) }), 'supportText', /60 characters/],
      [valid({ timeZone: '' }), 'timeZone', /Choose a time zone/],
      [valid({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone', /from the list/],
      [valid({ timeZone: 'London' }), 'timeZone', /from the list/],
      [valid({ timeZone: '+01:00' }), 'timeZone', /from the list/],
      [valid({ timeZone: 7 }), 'timeZone', /Choose a time zone/],
      [valid({ logoImageId: 'not-an-id' }), 'logoImageId', /not an uploaded image/],
      [valid({ logoImageId: missingImage }), 'logoImageId', /no longer available/],
      [valid({ sectionOrder: [sections[0].slug, 'no-such-section'] }), 'sectionOrder', /no section “no-such-section”/],
      [valid({ sectionOrder: [sections[0].slug, sections[0].slug] }), 'sectionOrder', /twice/],
      [valid({ sectionOrder: 'news' }), 'sectionOrder', /not valid/],
      [valid({ sectionOrder: [1, 2] }), 'sectionOrder', /not valid/],
    ];
    for (const [input, field, message] of cases) {
      const result = await updateSiteSettingsAction(input);
      expect(result, `${field}: ${JSON.stringify(input[field])}`).toMatchObject({ ok: false, code: 'invalid' });
      if (!result.ok) {
        expect(Object.keys(result.fieldErrors ?? {}), `${field}: ${JSON.stringify(input[field])}`).toEqual([field]);
        expect(result.fieldErrors?.[field]).toMatch(message);
      }
    }
    // Several bad fields at once: each is named, and still nothing is saved.
    const several = await updateSiteSettingsAction(valid({ name: '', timeZone: 'Nowhere/Town', sectionOrder: ['gone'] }));
    expect(several.ok).toBe(false);
    if (!several.ok) expect(Object.keys(several.fieldErrors ?? {}).sort()).toEqual(['name', 'timeZone']);
    expect(await snapshot()).toEqual(before);
  });

  it('writers, editors, deactivated staff and signed-out callers are refused, and nothing changes', async () => {
    const writer = await makeUser('writer');
    const editor = await makeUser('editor');
    const deactivated = await makeUser('admin', { active: false });
    const before = await snapshot();
    const hostile = valid({ name: 'Taken Over', supportText: 'Send money here' });

    signedInAs(writer);
    expect(await updateSiteSettingsAction(hostile)).toMatchObject({ ok: false, code: 'forbidden' });
    signedInAs(editor);
    expect(await updateSiteSettingsAction(hostile)).toMatchObject({ ok: false, code: 'forbidden' });
    signedInAs(deactivated);
    expect(await updateSiteSettingsAction(hostile)).toMatchObject({ ok: false, code: 'unauthenticated' });
    signedInAs(null);
    expect(await updateSiteSettingsAction(hostile)).toMatchObject({ ok: false, code: 'unauthenticated' });
    // An admin whose session was ended (an old cookie) is refused too.
    cookie.session = { user: { id: admin.id, sessionVersion: admin.sessionVersion + 1 } };
    expect(await updateSiteSettingsAction(hostile)).toMatchObject({ ok: false, code: 'unauthenticated' });

    expect(await snapshot()).toEqual(before);
    expect((await getSiteSettings()).name).not.toBe('Taken Over');
  });
});

describe('reading the site settings', () => {
  it('with nothing stored, readers get the defaults', async () => {
    await writeSettings(SITE_SETTINGS_KEY, {}, admin);
    expect(await getSiteSettings()).toEqual(SITE_DEFAULTS);
    expect(await getSiteLogo()).toBeNull();
  });

  it('a partly broken stored document falls back field by field', async () => {
    await writeSettings(
      SITE_SETTINGS_KEY,
      {
        name: '',
        tagline: 'Still a good tagline',
        logoImageId: 'not-a-uuid',
        timeZone: 'Mars/Olympus_Mons',
        supportText: 'Chip in',
        sectionOrder: 'sports',
        locale: 7,
        somethingOld: true,
      },
      admin,
    );
    expect(await getSiteSettings()).toEqual({ ...SITE_DEFAULTS, tagline: 'Still a good tagline', supportText: 'Chip in' });

    await writeSettings(SITE_SETTINGS_KEY, { name: 'x'.repeat(500), timeZone: 'Asia/Tokyo', sectionOrder: [sections[1].slug, sections[1].slug] }, admin);
    expect(await getSiteSettings()).toEqual({ ...SITE_DEFAULTS, timeZone: 'Asia/Tokyo' });
  });

  it('a logo whose image has gone shows the name instead', async () => {
    await writeSettings(SITE_SETTINGS_KEY, { logoImageId: '00000000-0000-4000-8000-000000000001' }, admin);
    expect((await getSiteSettings()).logoImageId).toBe('00000000-0000-4000-8000-000000000001');
    expect(await getSiteLogo()).toBeNull();
  });
});

describe('sections in the home page order', () => {
  it('follow the admin’s order; sections it does not name follow in their usual order, and gone ones are skipped', async () => {
    const later = await makeSection();
    await writeSettings(SITE_SETTINGS_KEY, { sectionOrder: [sections[2].slug, 'long-gone', sections[0].slug] }, admin);
    const slugs = (await listSectionsInHomeOrder()).map((section) => section.slug);
    expect(slugs.slice(0, 2)).toEqual([sections[2].slug, sections[0].slug]);
    expect(slugs).not.toContain('long-gone');
    const mine = slugs.filter((slug) => [sections[1].slug, later.slug].includes(slug));
    // Neither is named in the order: both follow, by position (0 for both) and then by name.
    const plain = [sections[1], later].sort((a, b) => a.name.localeCompare(b.name)).map((section) => section.slug);
    expect(mine).toEqual(plain);
    expect(slugs.indexOf(sections[1].slug)).toBeGreaterThan(1);
  });
});

describe('the time zone list', () => {
  it('groups the zones by region, with UTC, and keeps an old spelling that is the current setting', () => {
    const groups = listTimeZoneGroups('Europe/London');
    const europe = groups.find((group) => group.label === 'Europe');
    expect(europe?.zones.find((zone) => zone.value === 'Europe/London')?.label).toMatch(/^London \(UTC/);
    expect(groups.find((group) => group.label === 'Other')?.zones.map((zone) => zone.value)).toContain('UTC');
    expect(groups.find((group) => group.label === 'Americas')?.zones.find((zone) => zone.value === 'America/Argentina/San_Juan')?.label).toMatch(/^San Juan, Argentina \(UTC−03:00\)$/);
    expect(groups.some((group) => group.label === 'Current setting')).toBe(false);

    // The runtime lists one spelling of a renamed zone (which one depends on its ICU); the saved one is always offered.
    for (const spelling of ['Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Europe/Kiev']) {
      const known = listTimeZoneGroups(spelling).flatMap((group) => group.zones.map((zone) => zone.value));
      expect(known).toContain(canonicalTimeZone(spelling));
    }
    const fixed = listTimeZoneGroups('Etc/GMT+5');
    expect(fixed.at(-1)).toEqual({ label: 'Current setting', zones: [{ value: 'Etc/GMT+5', label: 'Etc/GMT+5 (UTC−05:00)' }] });
  });
});
