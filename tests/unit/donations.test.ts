import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '@/lib/csv';
import { appealHidden, markCookie } from '@/lib/donations/appeal';
import { createManageToken, verifyManageToken } from '@/lib/donations/manage-link';
import { mayChangeDonationSettings, mayViewDonations } from '@/lib/donations/rights';
import { formatMoney, giftPhrase, minorToInput, parseAmount } from '@/lib/money';
import { DONATION_DEFAULTS, parseSettingsForm, resolveDonationSettings, settingsToForm } from '@/lib/settings/donations';
import { checkDraft, parseDonationForm } from '@/lib/validation/donation';

process.env.AUTH_SECRET ??= 'unit-test-secret-unit-test-secret-0123456789';

const usd = { minimum: 100, maximum: 1_000_000 };

describe('amounts typed by a reader become integer minor units', () => {
  it.each([
    ['25', 2500],
    ['12.50', 1250],
    ['12.5', 1250],
    ['12,50', 1250],
    [' 1000 ', 100_000],
    ['$30', 3000],
    ['30 USD', 3000],
    ['0010', 1000],
    ['10.', 1000],
  ])('"%s" is %i cents', (text, minor) => {
    expect(parseAmount(text, 'USD', usd)).toEqual({ ok: true, minor });
  });

  it.each([
    ['0', 'more than zero'],
    ['0.00', 'more than zero'],
    ['-5', 'cannot be negative'],
    ['−5', 'cannot be negative'],
    ['10.001', 'fractions of cents'],
    ['0.005', 'fractions of cents'],
    ['1,000', 'without a thousands separator'],
    ['abc', 'numbers only'],
    ['1e3', 'numbers only'],
    ['NaN', 'numbers only'],
    ['Infinity', 'numbers only'],
    ['12.50.3', 'numbers only'],
    ['', 'Enter an amount'],
    ['0.50', 'smallest gift we can take is $1'],
    ['10000.01', 'most we can take online in one gift is $10,000'],
    ['99999999999999999999', 'most we can take online'],
  ])('"%s" is refused: %s', (text, message) => {
    const result = parseAmount(text, 'USD', usd);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('names pence for pounds', () => {
    const result = parseAmount('1.999', 'GBP', usd);
    expect(!result.ok && result.error).toContain('fractions of pence');
  });

  it('formats amounts in their own currency, never converted', () => {
    expect(formatMoney(1000, 'USD')).toBe('$10');
    expect(formatMoney(1050, 'EUR')).toBe('€10.50');
    expect(formatMoney(250_000, 'GBP')).toBe('£2,500');
    expect(formatMoney(1000, 'USD', { cents: true })).toBe('$10.00');
    expect(giftPhrase(1000, 'USD', 'monthly')).toBe('$10 every month');
    expect(giftPhrase(2500, 'EUR', 'once')).toBe('€25 once');
    expect(giftPhrase(5000, 'GBP', 'annually')).toBe('£50 every year');
    expect(minorToInput(1205)).toBe('12.05');
    expect(minorToInput(1200)).toBe('12');
  });
});

describe('the support form', () => {
  const rules = DONATION_DEFAULTS;
  const form = (overrides: Record<string, string>) => ({ frequency: 'monthly', currency: 'USD', amount: 'USD:monthly:1000', customAmount: '', donorName: '', donorEmail: '', note: '', ...overrides });

  it('takes a preset for the chosen frequency and currency', () => {
    expect(parseDonationForm(form({}), rules)).toEqual({ ok: true, draft: { frequency: 'monthly', currency: 'USD', amount: 1000, donorName: '', donorEmail: '', note: '' } });
  });

  it('takes a typed amount over a chosen preset', () => {
    const result = parseDonationForm(form({ customAmount: '12.34' }), rules);
    expect(result.ok && result.draft.amount).toBe(1234);
  });

  it.each([
    ['zero', { customAmount: '0' }, 'more than zero'],
    ['negative', { customAmount: '-10' }, 'cannot be negative'],
    ['over the maximum', { customAmount: '10000.01' }, 'most we can take online'],
    ['a fraction of a cent', { customAmount: '10.005' }, 'fractions of cents'],
    ['not a number', { customAmount: 'ten dollars' }, 'numbers only'],
    ['a negative preset', { amount: 'USD:monthly:-500' }, 'cannot be negative'],
    ['a zero preset', { amount: 'USD:monthly:0' }, 'more than zero'],
    ['a preset over the maximum', { amount: 'USD:monthly:100000001' }, 'most we can take online'],
    ['a preset that is not a number', { amount: 'USD:monthly:ten' }, 'one of the amounts shown'],
    ['a preset for another frequency', { amount: 'USD:once:1000' }, 'for a monthly gift in US dollars'],
    ['a preset for another currency', { amount: 'EUR:monthly:1000' }, 'for a monthly gift in US dollars'],
    ['no amount at all', { amount: '' }, 'Choose an amount'],
  ])('refuses %s with a message at the amount field', (_label, overrides, message) => {
    const result = parseDonationForm(form(overrides), rules);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors.amount).toContain(message);
  });

  it.each(['JPY', 'XYZ', '', 'usd; drop table'])('refuses the currency "%s" at the currency field', (currency) => {
    const result = parseDonationForm(form({ currency }), rules);
    expect(!result.ok && result.fieldErrors.currency).toBe('We take gifts in US dollars, euros or pounds sterling. Choose one of them.');
  });

  it('refuses a currency the newsroom has turned off', () => {
    const onlyGbp = { currencies: rules.currencies.filter((c) => c.code === 'GBP') };
    const result = parseDonationForm(form({}), onlyGbp);
    expect(!result.ok && result.fieldErrors.currency).toContain('pounds sterling');
  });

  it('refuses a frequency it does not know, a bad email and a long note, each at its field', () => {
    const result = parseDonationForm(form({ frequency: 'weekly', donorEmail: 'not-an-email', note: 'x'.repeat(501), donorName: 'A\u0007B' }), rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.frequency).toContain('once, monthly or annually');
    expect(result.fieldErrors.donorEmail).toContain('name@example.com');
    expect(result.fieldErrors.note).toContain('500 characters');
    expect(result.fieldErrors.donorName).toContain('control characters');
  });

  it('refuses values that are not text at all', () => {
    const result = parseDonationForm({ frequency: 'once', currency: 'USD', amount: 'USD:once:1000', customAmount: 42 as unknown as string }, rules);
    expect(!result.ok && result.fieldErrors.amount).toContain('numbers only');
  });

  it('reads a stored draft back only when it still passes today’s rules', () => {
    const draft = { ref: 'r'.repeat(24), frequency: 'monthly', currency: 'USD', amount: 1000, donorName: 'Ada', donorEmail: 'ADA@example.com', note: '' };
    expect(checkDraft(draft, rules)).toMatchObject({ amount: 1000, donorEmail: 'ada@example.com' });
    expect(checkDraft({ ...draft, amount: 10.5 }, rules)).toBeNull();
    expect(checkDraft({ ...draft, amount: 50 }, rules)).toBeNull();
    expect(checkDraft({ ...draft, currency: 'JPY' }, rules)).toBeNull();
    expect(checkDraft({ ...draft, ref: 'short' }, rules)).toBeNull();
    expect(checkDraft('nonsense', rules)).toBeNull();
  });
});

describe('donation settings', () => {
  const good = () => settingsToForm(DONATION_DEFAULTS);

  it('round-trips the defaults through the admin form', () => {
    const result = parseSettingsForm(good());
    expect(result).toEqual({ ok: true, value: DONATION_DEFAULTS });
  });

  it('stores amounts in minor units, sorted, with a goal', () => {
    const result = parseSettingsForm({ ...good(), 'EUR.monthly': '20, 5.50, 10', 'EUR.goal': '2500' });
    expect(result.ok && result.value.currencies.find((c) => c.code === 'EUR')).toMatchObject({ presets: { monthly: [550, 1000, 2000] }, monthlyGoal: 250_000 });
  });

  it.each([
    ['USD.monthly', '', 'at least one monthly amount'],
    ['USD.monthly', '5, 10, abc', '“abc” is not an amount'],
    ['USD.monthly', '5, 10, 5', 'there twice'],
    ['USD.monthly', '1, 2, 3, 4, 5, 6, 7', 'at most 6'],
    ['USD.monthly', '0.5, 10', 'outside the minimum and maximum'],
    ['USD.once', '10.001', 'fractions of cents'],
    ['USD.minimum', '0.10', 'Stripe cannot take less than $0.50'],
    ['USD.minimum', 'one', 'numbers only'],
    ['USD.maximum', '0.75', 'more than the minimum'],
    ['USD.maximum', '2000000', 'most we can take online in one payment'],
    ['USD.goal', '-5', 'cannot be negative'],
    ['defaultCurrency', 'XYZ', 'Choose the currency'],
    ['defaultCurrency', 'CHF', 'Accept Swiss francs as well'],
    ['appealReshowDays', '0', 'from 1 to 365'],
    ['appealReshowDays', '2.5', 'whole number of days'],
    ['appealPauseAfterGiftDays', '', 'Enter how long'],
    ['editorsCanView', 'yes', 'Tick the box'],
  ])('%s = "%s" is refused: %s', (field, value, message) => {
    const result = parseSettingsForm({ ...good(), [field]: value });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors[field]).toContain(message);
  });

  it('takes a monthly goal far above the largest single payment, within reason', () => {
    const big = parseSettingsForm({ ...good(), 'USD.goal': '1000000' });
    expect(big.ok && big.value.currencies[0].monthlyGoal).toBe(100_000_000);
    const huge = parseSettingsForm({ ...good(), 'USD.goal': '1000000000' });
    expect(!huge.ok && huge.fieldErrors['USD.goal']).toBe('A goal can be at most $999,999,999.99.');
  });

  it('needs at least one currency', () => {
    const values = good();
    for (const code of ['USD', 'EUR', 'GBP']) values[`${code}.enabled`] = '';
    const result = parseSettingsForm(values);
    expect(!result.ok && result.fieldErrors.currencies).toBe('Accept at least one currency.');
  });

  it('reports every bad field at once', () => {
    const result = parseSettingsForm({ ...good(), 'USD.minimum': 'x', 'EUR.goal': 'y', appealReshowDays: '999' });
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(['EUR.goal', 'USD.minimum', 'appealReshowDays']);
  });

  it('falls back to the default for a stored field that no longer validates, keeping the others', () => {
    const settings = resolveDonationSettings({ appealReshowDays: 'soon', editorsCanView: true, currencies: [{ code: 'GBP' }], defaultCurrency: 'USD' });
    expect(settings.appealReshowDays).toBe(DONATION_DEFAULTS.appealReshowDays);
    expect(settings.editorsCanView).toBe(true);
    expect(settings.currencies).toEqual(DONATION_DEFAULTS.currencies);
  });

  it('keeps the default currency among the accepted ones', () => {
    const gbp = DONATION_DEFAULTS.currencies.find((c) => c.code === 'GBP')!;
    expect(resolveDonationSettings({ currencies: [gbp], defaultCurrency: 'USD' }).defaultCurrency).toBe('GBP');
  });
});

describe('who may see and change donations', () => {
  it.each([
    ['writer', false, false],
    ['writer', true, false],
    ['editor', false, false],
    ['editor', true, true],
    ['admin', false, true],
  ] as const)('%s with editorsCanView=%s may view: %s', (role, editorsCanView, expected) => {
    expect(mayViewDonations({ role }, { editorsCanView })).toBe(expected);
  });

  it('only admins change the settings', () => {
    expect(mayChangeDonationSettings({ role: 'admin' })).toBe(true);
    expect(mayChangeDonationSettings({ role: 'editor' })).toBe(false);
    expect(mayChangeDonationSettings({ role: 'writer' })).toBe(false);
  });
});

describe('the appeal at the end of articles', () => {
  const day = 86_400_000;
  const now = Date.UTC(2026, 2, 14);

  it('shows to a reader who never dismissed it or gave', () => {
    expect(appealHidden('', now, 14, 90)).toBe(false);
    expect(appealHidden('other=1; masthead_gaveX=5', now, 14, 90)).toBe(false);
  });

  it('stays away for the configured days after "Not now", then comes back', () => {
    expect(appealHidden(`a=b; masthead_appeal_dismissed=${now - 13 * day}`, now, 14, 90)).toBe(true);
    expect(appealHidden(`masthead_appeal_dismissed=${now - 14 * day}; a=b`, now, 14, 90)).toBe(false);
  });

  it('stays away from someone who just gave', () => {
    expect(appealHidden(`masthead_gave=${now - 30 * day}`, now, 14, 90)).toBe(true);
    expect(appealHidden(`masthead_gave=${now - 91 * day}`, now, 14, 90)).toBe(false);
  });

  it('ignores a cookie from the future rather than hiding for ever', () => {
    expect(appealHidden(`masthead_appeal_dismissed=${now + 1000 * day}`, now, 14, 90)).toBe(false);
  });

  it('runs the same from its own source text, as the inline script does', () => {
    const copy = new Function(`return (${appealHidden.toString()})`)() as typeof appealHidden;
    expect(copy(`masthead_gave=${now - day}`, now, 14, 90)).toBe(true);
    expect(copy('', now, 14, 90)).toBe(false);
  });

  it('writes a first-party cookie that lasts as long as the pause', () => {
    expect(markCookie('masthead_gave', now, 90, true)).toBe(`masthead_gave=${now}; Max-Age=7776000; Path=/; SameSite=Lax; Secure`);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1 555', `'+1 555`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['Ada, Lovelace', '"Ada, Lovelace"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('%j is written as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('ends rows with CRLF and writes dates as ISO', () => {
    expect(csvRow([1, null, new Date('2026-03-14T09:30:00Z'), true])).toBe('1,,2026-03-14T09:30:00.000Z,true\r\n');
  });
});

describe('donor manage links', () => {
  const gift = '0b7c3a52-1f6e-4d2a-9f3e-2a6c1d9e8b40';
  const now = new Date('2026-03-14T09:00:00Z');

  it('names the gift until it expires', () => {
    const token = createManageToken(gift, now);
    expect(verifyManageToken(token, new Date(now.getTime() + 59 * 60_000))).toMatchObject({ ok: true, giftId: gift });
    expect(verifyManageToken(token, new Date(now.getTime() + 61 * 60_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token that was altered, truncated or signed with another secret', () => {
    const token = createManageToken(gift, now);
    const [payload, signature] = token.split('.');
    const otherGift = Buffer.from(`${gift.replace('0b7c', '0b7d')}.${Buffer.from(payload, 'base64url').toString().split('.')[1]}`).toString('base64url');
    expect(verifyManageToken(`${otherGift}.${signature}`, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyManageToken(token.slice(0, -2), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyManageToken('nonsense', now)).toEqual({ ok: false, reason: 'invalid' });
    const secret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-secret-another-secret-another-secret';
    try {
      expect(verifyManageToken(token, now)).toEqual({ ok: false, reason: 'invalid' });
    } finally {
      process.env.AUTH_SECRET = secret;
    }
  });
});

describe('payment mode, from the environment', () => {
  const saved = { key: process.env.STRIPE_SECRET_KEY, base: process.env.STRIPE_API_BASE };
  const restore = () => {
    for (const [name, value] of [['STRIPE_SECRET_KEY', saved.key], ['STRIPE_API_BASE', saved.base]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };

  it('is test mode without a key, Stripe’s test mode with a test key, and live with a live key', async () => {
    const { paymentMode, recordsTestGifts, getStripe } = await import('@/lib/stripe');
    try {
      delete process.env.STRIPE_SECRET_KEY;
      expect(paymentMode()).toBe('test');
      expect(getStripe()).toBeNull();
      process.env.STRIPE_SECRET_KEY = 'sk_test_abc123';
      expect(paymentMode()).toBe('stripe-test');
      expect(recordsTestGifts()).toBe(true);
      process.env.STRIPE_SECRET_KEY = 'rk_live_abc123';
      expect(paymentMode()).toBe('live');
      expect(recordsTestGifts()).toBe(false);
    } finally {
      restore();
    }
  });

  it('refuses a key that is not one, and a test API address with a live key', async () => {
    const { env } = await import('@/lib/env');
    try {
      process.env.STRIPE_SECRET_KEY = 'pk_live_publishable';
      expect(() => env()).toThrow(/STRIPE_SECRET_KEY: must be a Stripe secret or restricted key/);
      process.env.STRIPE_SECRET_KEY = 'sk_live_abc123';
      process.env.STRIPE_API_BASE = 'http://127.0.0.1:12111';
      expect(() => env()).toThrow(/STRIPE_API_BASE: is for tests only/);
    } finally {
      restore();
    }
  });
});
