import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countDonations,
  countRecurringGifts,
  createPendingGift,
  donationTotalsByMonth,
  getGiftByRef,
  listDonations,
  listRecordedCurrencies,
  listRecurringGifts,
  recurringGiftSummary,
  sumReceived,
} from '@/db/queries/donations';
import type { DonationFrequency } from '@/db/schema';
import { cancelTestGift, recordTestGift } from '@/lib/donations/checkout';
import { monthBounds, monthlyGoals } from '@/lib/donations/goal';
import { processStripeEvent } from '@/lib/donations/stripe-events';
import type { CurrencyCode } from '@/lib/money';
import { DONATION_DEFAULTS } from '@/lib/settings/donations';

// The newsroom's figures, from gifts recorded through the same path as the
// support page's test mode. Each run uses currency codes of its own (ISO's
// user-assigned Q range), so other test files' gifts never mix in.

delete process.env.STRIPE_SECRET_KEY;

const code = () => `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}` as CurrencyCode;
let A: CurrencyCode;
let B: CurrencyCode;
const TZ = 'Europe/London';

async function give(frequency: DonationFrequency, currency: CurrencyCode, amount: number, at: Date, donorName = 'Reader') {
  const draft = { ref: randomBytes(18).toString('base64url'), frequency, currency, amount, donorName, donorEmail: '', note: '' };
  await createPendingGift({ ...draft, test: true });
  await recordTestGift(draft, at);
  return draft.ref;
}

async function refund(ref: string, amount: number) {
  const found = await getGiftByRef(ref);
  if (found?.kind !== 'donation') throw new Error('a one-time gift');
  await processStripeEvent({
    id: `evt_refund_${ref}_${amount}`,
    object: 'event',
    type: 'charge.refunded',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { id: `ch_${ref}`, object: 'charge', amount: found.donation.amount, amount_refunded: amount, payment_intent: found.donation.stripePaymentIntentId } },
  } as unknown as Stripe.Event);
}

const march = new Date('2026-03-10T12:00:00Z');
const april = new Date('2026-04-02T12:00:00Z');
let cancelledRef: string;

beforeAll(async () => {
  // Codes no earlier run (on a kept PostgreSQL database) has used.
  const used = new Set([...(await listRecordedCurrencies(true)), ...(await listRecordedCurrencies(false))]);
  do A = code();
  while (used.has(A));
  do B = code();
  while (B === A || used.has(B));
  await give('once', A, 1000, march);
  const refunded = await give('once', A, 3000, march);
  await refund(refunded, 1000);
  await give('monthly', A, 500, march, 'Monthly Marta');
  await give('annually', A, 12_000, april);
  await give('once', B, 700, march);
  cancelledRef = await give('monthly', B, 900, april, 'Cancelled Cy');
  const found = await getGiftByRef(cancelledRef);
  if (found?.kind === 'gift') await cancelTestGift(found.gift);
});

describe('totals', () => {
  it('by month, currency and frequency, net of refunds, never across currencies', async () => {
    const rows = (await donationTotalsByMonth({ test: true, since: new Date('2026-01-01T00:00:00Z'), timeZone: TZ })).filter((r) => r.currency === A || r.currency === B);
    const key = (r: { month: string; currency: string; frequency: string }) => `${r.month}|${r.currency}|${r.frequency}`;
    // Newest month first.
    expect(rows.map((r) => r.month)).toEqual([...rows.map((r) => r.month)].sort().reverse());
    expect(rows.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      [
        { month: '2026-04', currency: A, frequency: 'annually', gifts: 1, gross: 12_000, refunded: 0, net: 12_000 },
        { month: '2026-04', currency: B, frequency: 'monthly', gifts: 1, gross: 900, refunded: 0, net: 900 },
        { month: '2026-03', currency: A, frequency: 'monthly', gifts: 1, gross: 500, refunded: 0, net: 500 },
        { month: '2026-03', currency: A, frequency: 'once', gifts: 2, gross: 4000, refunded: 1000, net: 3000 },
        { month: '2026-03', currency: B, frequency: 'once', gifts: 1, gross: 700, refunded: 0, net: 700 },
      ].sort((x, y) => key(x).localeCompare(key(y))),
    );
  });

  it('test gifts never count as real money', async () => {
    const rows = (await donationTotalsByMonth({ test: false, since: new Date('2026-01-01T00:00:00Z'), timeZone: TZ })).filter((r) => r.currency === A || r.currency === B);
    expect(rows).toEqual([]);
  });

  it('recurring gifts, active and cancelled, per currency and frequency', async () => {
    const rows = (await recurringGiftSummary({ test: true })).filter((r) => r.currency === A || r.currency === B);
    expect(rows).toEqual(
      expect.arrayContaining([
        { currency: A, frequency: 'annually', status: 'active', gifts: 1, amount: 12_000 },
        { currency: A, frequency: 'monthly', status: 'active', gifts: 1, amount: 500 },
        { currency: B, frequency: 'monthly', status: 'cancelled', gifts: 1, amount: 900 },
      ]),
    );
    expect(rows).toHaveLength(3);
  });
});

describe('the monthly goal', () => {
  it('counts what arrived in this calendar month on the newsroom’s clock, in one currency', async () => {
    expect(await sumReceived({ currency: A, test: true, ...monthBounds(march, TZ) })).toBe(3500);
    expect(await sumReceived({ currency: A, test: true, ...monthBounds(april, TZ) })).toBe(12_000);
    expect(await sumReceived({ currency: B, test: true, ...monthBounds(march, TZ) })).toBe(700);
    expect(await sumReceived({ currency: A, test: false, ...monthBounds(march, TZ) })).toBe(0);
  });

  it('follows the newsroom’s month, not UTC’s, across summer time', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
    expect(monthBounds(new Date('2026-03-31T23:30:00Z'), TZ)).toEqual({ month: '2026-04', from: new Date('2026-03-31T23:00:00Z'), to: new Date('2026-04-30T23:00:00Z') });
    expect(monthBounds(new Date('2026-12-15T12:00:00Z'), 'America/New_York')).toEqual({ month: '2026-12', from: new Date('2026-12-01T05:00:00Z'), to: new Date('2027-01-01T05:00:00Z') });
  });

  it('shows a goal for each currency that has one, the default currency first', async () => {
    const settings = {
      ...DONATION_DEFAULTS,
      currencies: [
        { ...DONATION_DEFAULTS.currencies[0], code: A, monthlyGoal: 10_000 },
        { ...DONATION_DEFAULTS.currencies[1], code: B, monthlyGoal: 5000 },
        { ...DONATION_DEFAULTS.currencies[2], monthlyGoal: null },
      ],
      defaultCurrency: B,
    } as unknown as typeof DONATION_DEFAULTS;
    expect(await monthlyGoals(settings, TZ, march)).toEqual([
      { currency: B, goal: 5000, raised: 700 },
      { currency: A, goal: 10_000, raised: 3500 },
    ]);
  });
});

describe('the dashboard list', () => {
  it('filters by currency, frequency, status and dates, and pages', async () => {
    const all = await listDonations({ test: true, currency: A });
    // Newest first.
    expect(all[0].amount).toBe(12_000);
    expect(all.map((d) => d.amount).sort((x, y) => x - y)).toEqual([500, 1000, 3000, 12_000]);
    expect(await countDonations({ test: true, currency: A, frequency: 'once' })).toBe(2);
    expect((await listDonations({ test: true, currency: A, status: 'partially_refunded' })).map((d) => d.refundedAmount)).toEqual([1000]);
    expect(await countDonations({ test: true, currency: A, from: new Date('2026-04-01T00:00:00Z') })).toBe(1);
    expect(await countDonations({ test: true, currency: A, to: new Date('2026-04-01T00:00:00Z') })).toBe(3);
    const page1 = await listDonations({ test: true, currency: A, limit: 3, offset: 0 });
    const page2 = await listDonations({ test: true, currency: A, limit: 3, offset: 3 });
    expect(page1).toHaveLength(3);
    expect(page2).toHaveLength(1);
    expect(new Set([...page1, ...page2].map((d) => d.id)).size).toBe(4);
  });

  it('lists recurring gifts with what each has brought in', async () => {
    const gifts = await listRecurringGifts({ test: true, currency: B });
    expect(gifts).toHaveLength(1);
    expect(gifts[0]).toMatchObject({ donorName: 'Cancelled Cy', status: 'cancelled', payments: 1, received: 900 });
    expect(await countRecurringGifts({ test: true, currency: B, status: 'active' })).toBe(0);
    expect(await countRecurringGifts({ test: true, currency: A, status: 'active' })).toBe(2);
  });
});
