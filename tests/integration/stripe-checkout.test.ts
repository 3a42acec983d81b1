import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openBillingPortalAction } from '@/app/(site)/support/actions';
import { getGiftByRef } from '@/db/queries/donations';
import { db } from '@/db/client';
import { donations, type DonationFrequency } from '@/db/schema';
import { startDonation } from '@/lib/donations/checkout';
import { createManageToken } from '@/lib/donations/manage-link';
import { processStripeEvent, settleCompletedCheckout } from '@/lib/donations/stripe-events';
import type { CurrencyCode } from '@/lib/money';
import { getStripe } from '@/lib/stripe';
import type { DonationDraft } from '@/lib/validation/donation';
import type Stripe from 'stripe';

// The real `stripe` SDK, pointed at a stand-in for api.stripe.com on loopback
// (the SDK's own host, port and protocol options, set from STRIPE_API_BASE):
// these tests read exactly what Masthead asks Stripe for.

interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  form: Record<string, string>;
}

const seen: Seen[] = [];
let reply: (request: Seen) => { status: number; body: unknown } = () => ({ status: 404, body: {} });
let server: http.Server;
let counter = 0;
// Ids unique to this run: a PostgreSQL test database keeps earlier runs' rows.
const run = randomBytes(4).toString('hex');

function defaultReply(request: Seen): { status: number; body: unknown } {
  if (request.method === 'POST' && request.path === '/v1/checkout/sessions') {
    const idNumber = ++counter;
    return {
      status: 200,
      body: { id: `cs_test_stub_${run}_${idNumber}`, object: 'checkout.session', mode: request.form.mode, status: 'open', url: `https://checkout.stripe.test/c/pay/cs_test_stub_${run}_${idNumber}` },
    };
  }
  return { status: 404, body: { error: { type: 'invalid_request_error', message: `No stub for ${request.method} ${request.path}` } } };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const request: Seen = { method: req.method ?? '', path: url.pathname, headers: req.headers, form: Object.fromEntries(new URLSearchParams(req.method === 'GET' ? url.search : raw)) };
      seen.push(request);
      const { status, body } = reply(request);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_stub_${seen.length}` });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.STRIPE_SECRET_KEY = 'sk_test_masthead0stub0key';
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.SITE_URL = 'https://news.example.test';
  process.env.AUTH_SECRET ??= 'integration-test-secret-0123456789-abcdef';
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_API_BASE;
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
  reply = defaultReply;
});

const draft = (frequency: DonationFrequency, currency: CurrencyCode, amount: number, overrides: Partial<DonationDraft> = {}): DonationDraft => ({
  ref: randomBytes(18).toString('base64url'),
  frequency,
  currency,
  amount,
  donorName: 'Ada Reader',
  donorEmail: 'ada@example.test',
  note: '',
  ...overrides,
});

describe('the Checkout Session Masthead asks Stripe for', () => {
  const cases: [DonationFrequency, CurrencyCode, number][] = [
    ['once', 'USD', 2500],
    ['once', 'EUR', 1050],
    ['once', 'GBP', 100_000],
    ['monthly', 'USD', 1000],
    ['monthly', 'EUR', 500],
    ['monthly', 'GBP', 2000],
    ['annually', 'USD', 12_000],
    ['annually', 'EUR', 5000],
    ['annually', 'GBP', 999],
  ];

  it.each(cases)('%s in %s (%i minor units)', async (frequency, currency, amount) => {
    const gift = draft(frequency, currency, amount);
    const result = await startDonation(gift, 'The Harbour Ledger');

    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/checkout/sessions');
    expect(request.headers.authorization).toBe('Bearer sk_test_masthead0stub0key');
    expect(request.headers['idempotency-key']).toBe(`masthead-checkout-${gift.ref}-1`);
    expect(request.headers['content-type']).toContain('application/x-www-form-urlencoded');

    const form = request.form;
    // Integer minor units, as sent: never a decimal.
    expect(form['line_items[0][price_data][unit_amount]']).toBe(String(amount));
    expect(form['line_items[0][price_data][currency]']).toBe(currency.toLowerCase());
    expect(form['line_items[0][quantity]']).toBe('1');
    expect(form.client_reference_id).toBe(gift.ref);
    expect(form['metadata[masthead_ref]']).toBe(gift.ref);
    expect(form['metadata[masthead_frequency]']).toBe(frequency);
    expect(form.customer_email).toBe('ada@example.test');
    expect(form.success_url).toBe(`https://news.example.test/support/thanks?ref=${gift.ref}&session_id={CHECKOUT_SESSION_ID}`);
    expect(form.cancel_url).toBe(`https://news.example.test/support/cancelled?ref=${gift.ref}`);

    if (frequency === 'once') {
      expect(form.mode).toBe('payment');
      expect(form.submit_type).toBe('donate');
      expect(form['line_items[0][price_data][product_data][name]']).toBe('Donation to The Harbour Ledger');
      expect(form['line_items[0][price_data][recurring][interval]']).toBeUndefined();
      expect(form['payment_intent_data[metadata][masthead_ref]']).toBe(gift.ref);
      expect(Object.keys(form).some((key) => key.startsWith('subscription_data'))).toBe(false);
    } else {
      expect(form.mode).toBe('subscription');
      expect(form['line_items[0][price_data][recurring][interval]']).toBe(frequency === 'monthly' ? 'month' : 'year');
      expect(form['line_items[0][price_data][product_data][name]']).toBe(`${frequency === 'monthly' ? 'Monthly' : 'Annual'} donation to The Harbour Ledger`);
      expect(form['subscription_data[metadata][masthead_ref]']).toBe(gift.ref);
      expect(form.submit_type).toBeUndefined();
      expect(Object.keys(form).some((key) => key.startsWith('payment_intent_data'))).toBe(false);
    }

    // The reader goes to Stripe's page, and the pending row knows its session.
    expect(result).toEqual({ ok: true, redirectTo: `https://checkout.stripe.test/c/pay/cs_test_stub_${run}_${counter}` });
    const found = await getGiftByRef(gift.ref);
    const row = found?.kind === 'donation' ? found.donation : found?.gift;
    expect(found?.kind).toBe(frequency === 'once' ? 'donation' : 'gift');
    expect(row).toMatchObject({ status: 'pending', amount, currency, stripeCheckoutSessionId: `cs_test_stub_${run}_${counter}`, test: true });
  });

  it('leaves customer_email out when the reader gave none (Stripe asks for it)', async () => {
    await startDonation(draft('once', 'USD', 1000, { donorEmail: '' }), 'The Harbour Ledger');
    expect(seen[0].form.customer_email).toBeUndefined();
  });

  it('a double click reuses the open session instead of starting a second one', async () => {
    const gift = draft('monthly', 'EUR', 1000);
    const first = await startDonation(gift, 'The Harbour Ledger');
    const sessionId = `cs_test_stub_${run}_${counter}`;
    reply = (request) =>
      request.method === 'GET' && request.path === `/v1/checkout/sessions/${sessionId}`
        ? { status: 200, body: { id: sessionId, object: 'checkout.session', status: 'open', url: `https://checkout.stripe.test/c/pay/${sessionId}` } }
        : defaultReply(request);
    const second = await startDonation(gift, 'The Harbour Ledger');
    expect(second).toEqual(first);
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /v1/checkout/sessions', `GET /v1/checkout/sessions/${sessionId}`]);
  });

  it('when Stripe refuses, the reader is told nothing was charged and no pending row is kept', async () => {
    reply = () => ({ status: 400, body: { error: { type: 'invalid_request_error', message: 'Amount must be at least 50 cents' } } });
    const gift = draft('once', 'USD', 1000);
    const result = await startDonation(gift, 'The Harbour Ledger');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('nothing was charged') });
    expect(await getGiftByRef(gift.ref)).toBeNull();
  });
});

describe('back from Stripe', () => {
  it('the thank-you page settles a completed checkout before the webhook, and the webhook then changes nothing', async () => {
    const gift = draft('once', 'GBP', 3000);
    await startDonation(gift, 'The Harbour Ledger');
    const sessionId = `cs_test_stub_${run}_${counter}`;
    const completed = {
      id: sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: 3000,
      currency: 'gbp',
      client_reference_id: gift.ref,
      metadata: { masthead_ref: gift.ref },
      payment_intent: `pi_stub_${gift.ref}`,
      customer_details: { email: 'ada@example.test', name: 'Ada Reader' },
    };
    reply = (request) => (request.method === 'GET' && request.path === `/v1/checkout/sessions/${sessionId}` ? { status: 200, body: completed } : defaultReply(request));
    const session = await getStripe()!.checkout.sessions.retrieve(sessionId);
    expect(await settleCompletedCheckout(session)).toBe('applied');
    let found = await getGiftByRef(gift.ref);
    expect(found?.kind === 'donation' && found.donation).toMatchObject({ status: 'paid', stripePaymentIntentId: `pi_stub_${gift.ref}` });

    const event = { id: `evt_${gift.ref}`, object: 'event', type: 'checkout.session.completed', created: Math.floor(Date.now() / 1000), livemode: false, data: { object: completed } } as unknown as Stripe.Event;
    expect(await processStripeEvent(event)).toBe('processed');
    found = await getGiftByRef(gift.ref);
    expect(found?.kind === 'donation' && found.donation).toMatchObject({ status: 'paid', amount: 3000 });
  });

  it('a refund of a recurring payment whose payment intent is unknown asks Stripe for its invoice', async () => {
    const gift = draft('monthly', 'USD', 1000);
    await startDonation(gift, 'The Harbour Ledger');
    const base = { object: 'event', created: Math.floor(Date.now() / 1000), livemode: false };
    await processStripeEvent({
      ...base,
      id: `evt_inv_${gift.ref}`,
      type: 'invoice.paid',
      data: { object: { id: `in_${gift.ref}`, object: 'invoice', amount_paid: 1000, currency: 'usd', parent: { subscription_details: { subscription: `sub_${gift.ref}`, metadata: { masthead_ref: gift.ref } } } } },
    } as unknown as Stripe.Event);
    reply = (request) =>
      request.method === 'GET' && request.path === '/v1/invoice_payments'
        ? { status: 200, body: { object: 'list', has_more: false, url: '/v1/invoice_payments', data: [{ id: 'inpay_1', object: 'invoice_payment', invoice: `in_${gift.ref}` }] } }
        : defaultReply(request);
    seen.length = 0;
    await processStripeEvent({
      ...base,
      id: `evt_ref_${gift.ref}`,
      type: 'charge.refunded',
      data: { object: { id: 'ch_1', object: 'charge', amount: 1000, amount_refunded: 1000, payment_intent: `pi_unknown_${gift.ref}` } },
    } as unknown as Stripe.Event);
    expect(seen).toHaveLength(1);
    expect(seen[0].form['payment[type]']).toBe('payment_intent');
    expect(seen[0].form['payment[payment_intent]']).toBe(`pi_unknown_${gift.ref}`);
    const found = await getGiftByRef(gift.ref);
    if (found?.kind !== 'gift') throw new Error('expected a gift');
    const [payment] = await db.select().from(donations).where(eq(donations.recurringGiftId, found.gift.id));
    expect(payment).toMatchObject({ status: 'refunded', refundedAmount: 1000, stripeInvoiceId: `in_${gift.ref}` });
  });

  it('a donor’s signed link opens the billing portal for that gift’s customer, and only that', async () => {
    const gift = draft('monthly', 'EUR', 1500);
    await startDonation(gift, 'The Harbour Ledger');
    const created = Math.floor(Date.now() / 1000);
    await processStripeEvent({
      id: `evt_cs_${gift.ref}`,
      object: 'event',
      type: 'checkout.session.completed',
      created,
      livemode: false,
      data: { object: { id: `cs_test_stub_${run}_${counter}`, object: 'checkout.session', mode: 'subscription', status: 'complete', payment_status: 'paid', subscription: `sub_${gift.ref}`, customer: 'cus_portal_1', metadata: { masthead_ref: gift.ref } } },
    } as unknown as Stripe.Event);
    const found = await getGiftByRef(gift.ref);
    if (found?.kind !== 'gift') throw new Error('expected a gift');
    reply = (request) =>
      request.method === 'POST' && request.path === '/v1/billing_portal/sessions'
        ? { status: 200, body: { id: 'bps_1', object: 'billing_portal.session', url: 'https://billing.stripe.test/p/session/bps_1' } }
        : defaultReply(request);
    seen.length = 0;

    const form = new FormData();
    form.set('token', createManageToken(found.gift.id));
    expect(await redirectOf(openBillingPortalAction(form))).toBe('https://billing.stripe.test/p/session/bps_1');
    expect(seen).toHaveLength(1);
    expect(seen[0].path).toBe('/v1/billing_portal/sessions');
    expect(seen[0].form).toEqual({ customer: 'cus_portal_1', return_url: 'https://news.example.test/support' });

    seen.length = 0;
    const forged = new FormData();
    forged.set('token', `${createManageToken(found.gift.id).split('.')[0]}.forged`);
    expect(await redirectOf(openBillingPortalAction(forged))).toBe('/support/manage?expired=1');
    expect(seen).toHaveLength(0);
  });
});

/** Where a server action sent the browser (it throws Next's redirect). */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2];
    throw error;
  }
  throw new Error('the action did not redirect');
}
