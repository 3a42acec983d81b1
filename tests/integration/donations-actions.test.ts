import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import DonationsPage from '@/app/(dashboard)/dashboard/donations/page';
import { GET as exportCsv } from '@/app/(dashboard)/dashboard/donations/export/route';
import { saveDonationSettingsAction } from '@/app/(dashboard)/dashboard/donations/settings/actions';
import DonationSettingsPage from '@/app/(dashboard)/dashboard/donations/settings/page';
import { cancelTestGiftAction, confirmDonationAction, requestManageLinkAction, reviewDonationAction, type ReviewState } from '@/app/(site)/support/actions';
import { db } from '@/db/client';
import { createPendingGift, getGiftByRef, listRecordedCurrencies } from '@/db/queries/donations';
import { readSettings, writeSettings } from '@/db/queries/settings';
import { auditLog, donations, recurringGifts } from '@/db/schema';
import { recordTestGift } from '@/lib/donations/checkout';
import { createManageToken, verifyManageToken } from '@/lib/donations/manage-link';
import type { CurrencyCode } from '@/lib/money';
import { DONATION_DEFAULTS, DONATION_SETTINGS_KEY, getDonationSettings, settingsToForm } from '@/lib/settings/donations';
import { makeUser, unique } from '../helpers/factories';

// Who is calling (the session cookie), the reader's cookies and outgoing mail
// are what these tests choose; everything else is the real code on the database.

const cookie = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('@/lib/auth', () => ({ auth: async () => cookie.session }));

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) => void jar.delete(typeof options === 'string' ? options : options.name),
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/cache')>()), revalidatePath: () => {} }));

const mail = vi.hoisted(() => ({ configured: true, sent: [] as { to: string; subject: string; text: string }[] }));
vi.mock('@/lib/mail', () => ({
  mailConfigured: () => mail.configured,
  sendMail: async (message: { to: string; subject: string; text: string }) => {
    mail.sent.push(message);
    return { sent: true };
  },
}));

process.env.AUTH_SECRET ??= 'integration-test-secret-0123456789-abcdef';
process.env.SITE_URL = 'https://news.example.test';
delete process.env.STRIPE_SECRET_KEY;

type Person = { id: string; sessionVersion: number };
const signedInAs = (user: Person | null) => {
  cookie.session = user ? { user: { id: user.id, sessionVersion: user.sessionVersion } } : null;
};

beforeEach(() => {
  signedInAs(null);
  jar.clear();
  mail.configured = true;
  mail.sent.length = 0;
});

afterAll(async () => {
  const admin = await makeUser('admin');
  await writeSettings(DONATION_SETTINGS_KEY, {}, admin);
});

/** Where a server action or page sent the browser (Next throws its redirect). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2];
    throw error;
  }
  return '(no redirect)';
}

function formData(values: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return form;
}

const giftForm = (overrides: Record<string, string> = {}) =>
  formData({ frequency: 'monthly', currency: 'USD', amount: 'USD:monthly:1000', customAmount: '', donorName: 'Ada Reader', donorEmail: '', note: '', ...overrides });
const empty: ReviewState = { fieldErrors: {}, values: {} };

async function editorsMayView(allowed: boolean) {
  const admin = await makeUser('admin');
  await writeSettings(DONATION_SETTINGS_KEY, { ...(await readSettings(DONATION_SETTINGS_KEY)), editorsCanView: allowed }, admin);
}

describe('the support form refuses bad amounts with a message at the amount field', () => {
  it.each([
    ['zero', '0', 'The amount must be more than zero.'],
    ['negative', '-5', 'The amount cannot be negative.'],
    ['over the maximum', '10000.01', 'The most we can take online in one gift is $10,000.'],
    ['a fraction of a cent', '12.345', 'Use at most two digits after the decimal point: we cannot take fractions of cents.'],
    ['not a number', 'twelve', 'Enter the amount in numbers only, like 25 or 12.50.'],
  ])('%s', async (_label, customAmount, message) => {
    const state = await reviewDonationAction(empty, giftForm({ customAmount }));
    expect(state.fieldErrors).toEqual({ amount: message });
    expect(state.values.customAmount).toBe(customAmount);
    expect(jar.size).toBe(0);
  });

  it('a currency the newsroom does not take, at the currency field', async () => {
    const state = await reviewDonationAction(empty, giftForm({ currency: 'JPY', amount: 'JPY:monthly:1000' }));
    expect(state.fieldErrors.currency).toBe('We take gifts in US dollars, euros or pounds sterling. Choose one of them.');
    expect(jar.size).toBe(0);
  });

  it('a good choice goes on to the confirmation, kept in a cookie, with nothing charged yet', async () => {
    expect(await redirectOf(() => reviewDonationAction(empty, giftForm()))).toBe('/support/confirm');
    expect(jar.has('masthead_gift')).toBe(true);
    const draft = JSON.parse(Buffer.from(jar.get('masthead_gift')!, 'base64url').toString());
    expect(draft).toMatchObject({ frequency: 'monthly', currency: 'USD', amount: 1000, donorName: 'Ada Reader' });
    expect(await getGiftByRef(draft.ref)).toBeNull();
  });
});

describe('test mode: confirming records the gift through the webhook’s code', () => {
  async function chosen(overrides: Record<string, string> = {}) {
    await redirectOf(() => reviewDonationAction(empty, giftForm(overrides)));
    return JSON.parse(Buffer.from(jar.get('masthead_gift')!, 'base64url').toString()).ref as string;
  }

  it('a monthly gift: an active test gift with its first payment, then the thank-you page', async () => {
    const ref = await chosen({ customAmount: '12.50', donorEmail: 'Ada@Example.test' });
    expect(await redirectOf(() => confirmDonationAction(formData({ ref })))).toBe(`/support/thanks?ref=${ref}`);
    const found = await getGiftByRef(ref);
    expect(found?.kind === 'gift' && found.gift).toMatchObject({
      status: 'active',
      amount: 1250,
      currency: 'USD',
      frequency: 'monthly',
      test: true,
      donorEmail: 'ada@example.test',
      stripeSubscriptionId: `sub_masthead_test_${ref}`,
    });
    expect(found?.kind === 'gift' && found.payments).toBe(1);
  });

  it('pressing the button twice gives once', async () => {
    const ref = await chosen();
    await redirectOf(() => confirmDonationAction(formData({ ref })));
    expect(await redirectOf(() => confirmDonationAction(formData({ ref })))).toBe(`/support/thanks?ref=${ref}`);
    const found = await getGiftByRef(ref);
    expect(found?.kind === 'gift' && found.payments).toBe(1);
  });

  it('a one-time gift is received at once', async () => {
    const ref = await chosen({ frequency: 'once', amount: 'USD:once:2500' });
    await redirectOf(() => confirmDonationAction(formData({ ref })));
    const found = await getGiftByRef(ref);
    expect(found?.kind === 'donation' && found.donation).toMatchObject({ status: 'paid', amount: 2500, frequency: 'once', test: true });
  });

  it('a button for another gift than the one chosen now gives nothing and shows the current one', async () => {
    const ref = await chosen();
    expect(await redirectOf(() => confirmDonationAction(formData({ ref: 'x'.repeat(24) })))).toBe('/support/confirm?changed=1');
    expect(await getGiftByRef(ref)).toBeNull();
  });

  it('without a chosen gift (expired cookie) it goes back to the form', async () => {
    expect(await redirectOf(() => confirmDonationAction(formData({ ref: 'x'.repeat(24) })))).toBe('/support?expired=1');
  });

  it('a forged cookie with a bad amount is checked again and refused', async () => {
    jar.set('masthead_gift', Buffer.from(JSON.stringify({ ref: 'f'.repeat(24), frequency: 'monthly', currency: 'USD', amount: -100, donorName: '', donorEmail: '', note: '' })).toString('base64url'));
    expect(await redirectOf(() => confirmDonationAction(formData({ ref: 'f'.repeat(24) })))).toBe('/support?expired=1');
    expect(await getGiftByRef('f'.repeat(24))).toBeNull();
  });
});

describe('donor manage links', () => {
  async function testGift(email: string) {
    const ref = randomBytes(18).toString('base64url');
    const draft = { ref, frequency: 'monthly' as const, currency: 'EUR' as const, amount: 800, donorName: 'Cy', donorEmail: email, note: '' };
    await createPendingGift({ ...draft, test: true });
    await recordTestGift(draft);
    const found = await getGiftByRef(ref);
    if (found?.kind !== 'gift') throw new Error('expected a gift');
    return found.gift;
  }

  it('emails a link for each recurring gift of that address, at most once every ten minutes', async () => {
    const email = `${unique('donor')}@example.test`;
    const gift = await testGift(email);
    const first = await requestManageLinkAction({}, formData({ email: email.toUpperCase() }));
    expect(first.status).toBe('sent');
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0].to).toBe(email);
    const token = /\/support\/manage\/([A-Za-z0-9_.-]+)/.exec(mail.sent[0].text)![1];
    expect(verifyManageToken(token)).toMatchObject({ ok: true, giftId: gift.id });
    expect(mail.sent[0].text).toContain('€8 every month');

    const again = await requestManageLinkAction({}, formData({ email }));
    expect(again.status).toBe('sent');
    expect(mail.sent).toHaveLength(1);
  });

  it('answers the same for an address with no gift, and sends nothing', async () => {
    const state = await requestManageLinkAction({}, formData({ email: `${unique('nobody')}@example.test` }));
    expect(state.status).toBe('sent');
    expect(mail.sent).toHaveLength(0);
  });

  it('says honestly when the site cannot send email', async () => {
    mail.configured = false;
    const state = await requestManageLinkAction({}, formData({ email: 'someone@example.test' }));
    expect(state.status).toBe('no_mail');
  });

  it('refuses an address that is not one, at its field', async () => {
    const state = await requestManageLinkAction({}, formData({ email: 'not-an-address' }));
    expect(state.fieldErrors?.email).toBe('Enter an email address like name@example.com.');
  });

  it('test mode cancels a test gift with its link, the way Stripe’s cancellation would', async () => {
    const gift = await testGift('');
    const token = createManageToken(gift.id);
    expect(await redirectOf(() => cancelTestGiftAction(formData({ token })))).toBe(`/support/manage/${token}?cancelled=1`);
    const [row] = await db.select().from(recurringGifts).where(eq(recurringGifts.id, gift.id));
    expect(row.status).toBe('cancelled');
    expect(await redirectOf(() => cancelTestGiftAction(formData({ token: `${token}x` })))).toBe('/support/manage?expired=1');
  });

  it('will not cancel a real Stripe gift from here', async () => {
    const ref = randomBytes(18).toString('base64url');
    const created = await createPendingGift({ ref, frequency: 'monthly', currency: 'USD', amount: 1000, donorName: '', donorEmail: '', note: '', test: false });
    await db.update(recurringGifts).set({ status: 'active', stripeSubscriptionId: `sub_real_${ref}`, stripeCustomerId: `cus_real_${ref}` }).where(eq(recurringGifts.id, created.row.id));
    const token = createManageToken(created.row.id);
    expect(await redirectOf(() => cancelTestGiftAction(formData({ token })))).toBe(`/support/manage/${token}?problem=portal`);
    const [row] = await db.select().from(recurringGifts).where(eq(recurringGifts.id, created.row.id));
    expect(row.status).toBe('active');
  });
});

describe('who may see donations: the dashboard, its settings and the CSV export', () => {
  const csv = () => exportCsv(new NextRequest('http://localhost/dashboard/donations/export?records=test'));
  const page = () => DonationsPage({ searchParams: Promise.resolve({}) });
  const settingsPage = () => DonationSettingsPage();

  it('anonymous: sent to sign in; the export answers 401', async () => {
    expect(await redirectOf(page)).toBe('/sign-in');
    expect(await redirectOf(settingsPage)).toBe('/sign-in');
    expect((await csv()).status).toBe(401);
  });

  it('a writer: refused everywhere', async () => {
    signedInAs(await makeUser('writer'));
    expect(await redirectOf(page)).toBe('/dashboard?denied=1');
    expect(await redirectOf(settingsPage)).toBe('/dashboard?denied=1');
    expect((await csv()).status).toBe(403);
  });

  it('a deactivated admin: treated as signed out', async () => {
    signedInAs(await makeUser('admin', { active: false }));
    expect(await redirectOf(page)).toBe('/sign-in');
    expect((await csv()).status).toBe(401);
    const state = await saveDonationSettingsAction({}, formData(settingsToForm(DONATION_DEFAULTS)));
    expect(state.error).toContain('not signed in');
  });

  it('an editor: refused until an admin allows it, then sees the dashboard and export but never the settings', async () => {
    const editor = await makeUser('editor');
    signedInAs(editor);
    await editorsMayView(false);
    expect(await redirectOf(page)).toBe('/dashboard?denied=1');
    expect((await csv()).status).toBe(403);

    await editorsMayView(true);
    try {
      expect(await redirectOf(page)).toBe('(no redirect)');
      const response = await csv();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await redirectOf(settingsPage)).toBe('/dashboard?denied=1');
      const state = await saveDonationSettingsAction({}, formData({ ...settingsToForm(DONATION_DEFAULTS), editorsCanView: '' }));
      expect(state.error).toBe('Only an admin can change the donation settings. Nothing was saved.');
      expect((await getDonationSettings()).editorsCanView).toBe(true);
    } finally {
      await editorsMayView(false);
    }
  });

  it('an admin: sees everything and changes the settings; a bad value changes nothing', async () => {
    signedInAs(await makeUser('admin'));
    expect(await redirectOf(page)).toBe('(no redirect)');
    expect(await redirectOf(settingsPage)).toBe('(no redirect)');
    expect((await csv()).status).toBe(200);

    const before = await readSettings(DONATION_SETTINGS_KEY);
    const bad = await saveDonationSettingsAction({}, formData({ ...settingsToForm(DONATION_DEFAULTS), 'GBP.minimum': '0.10', appealReshowDays: 'soon' }));
    expect(bad.fieldErrors).toEqual({ 'GBP.minimum': 'Stripe cannot take less than £0.30 in one payment.', appealReshowDays: 'Enter how long a dismissed appeal stays away as a whole number of days.' });
    expect(await readSettings(DONATION_SETTINGS_KEY)).toEqual(before);

    const good = await saveDonationSettingsAction({}, formData({ ...settingsToForm(await getDonationSettings()), 'GBP.goal': '2500', appealReshowDays: '21' }));
    expect(good.saved).toBe(true);
    const settings = await getDonationSettings();
    expect(settings.appealReshowDays).toBe(21);
    expect(settings.currencies.find((c) => c.code === 'GBP')?.monthlyGoal).toBe(250_000);
  });
});

describe('the CSV export', () => {
  it('writes the filtered list with formula-looking text made harmless, and records who exported it', async () => {
    const admin = await makeUser('admin');
    signedInAs(admin);
    const used = new Set(await listRecordedCurrencies(true));
    let currency: CurrencyCode;
    do currency = `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}` as CurrencyCode;
    while (used.has(currency));
    const ref = randomBytes(18).toString('base64url');
    const draft = { ref, frequency: 'once' as const, currency, amount: 4200, donorName: '=HYPERLINK("http://evil.example","click")', donorEmail: 'eve@example.test', note: '+SUM(1,2)' };
    await createPendingGift({ ...draft, test: true });
    await recordTestGift(draft);

    const response = await exportCsv(new NextRequest(`http://localhost/dashboard/donations/export?records=test&currency=${currency}&frequency=once`));
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="donations-payments-test-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^date_utc,date_/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,paid,once,42.00,4200,0.00,${currency},"'=HYPERLINK(""http://evil.example"",""click"")",eve@example.test,"'+SUM(1,2)",true,`);
    const [row] = await db.select().from(donations).where(eq(donations.ref, ref));
    expect(lines[1]).toContain(row.id);
    const exports = await db.select().from(auditLog).where(and(eq(auditLog.actorId, admin.id), eq(auditLog.action, 'donations.export')));
    expect(exports).toHaveLength(1);
    expect(exports[0].detail).toMatchObject({ currency, frequency: 'once', records: 'test' });
  });

  it('a refused export records nothing', async () => {
    const writer = await makeUser('writer');
    signedInAs(writer);
    expect((await exportCsv(new NextRequest('http://localhost/dashboard/donations/export'))).status).toBe(403);
    expect(await db.select().from(auditLog).where(eq(auditLog.actorId, writer.id))).toEqual([]);
  });
});
