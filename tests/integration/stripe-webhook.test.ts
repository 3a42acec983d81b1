import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/stripe/webhook/route';
import { closeDb, db } from '@/db/client';
import { createPendingGift, getGiftByRef, isStripeEventProcessed } from '@/db/queries/donations';
import { donations } from '@/db/schema';

// The webhook endpoint as Stripe reaches it: a raw body and a Stripe-Signature
// header made by the SDK's own generateTestHeaderString.

const SECRET = 'whsec_test_masthead_webhook_secret';
beforeEach(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
});
afterEach(() => {
  delete process.env.STRIPE_WEBHOOK_SECRET;
});

const ref = () => randomBytes(18).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const id = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '')}`;

function event(type: string, object: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return { id: id('evt'), object: 'event', api_version: '2026-10-28.endive', type, created: now(), livemode: false, data: { object }, ...overrides };
}

function signedRequest(payload: string, options: { timestamp?: number; secret?: string; signature?: string | null } = {}) {
  const header =
    options.signature === null
      ? null
      : (options.signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp ?? now() }));
  const headers = new Headers({ 'content-type': 'application/json' });
  if (header) headers.set('stripe-signature', header);
  return new Request('http://localhost/api/stripe/webhook', { method: 'POST', body: payload, headers });
}

async function deliver(body: Record<string, unknown>, options: Parameters<typeof signedRequest>[1] = {}) {
  const response = await POST(signedRequest(JSON.stringify(body), options));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function pendingOnce(amount = 2500, currency = 'EUR') {
  const r = ref();
  await createPendingGift({ ref: r, frequency: 'once', amount, currency, donorName: 'Ada Reader', donorEmail: '', note: 'Keep going', test: true });
  return r;
}

async function pendingMonthly(amount = 1000, currency = 'USD') {
  const r = ref();
  await createPendingGift({ ref: r, frequency: 'monthly', amount, currency, donorName: 'Ben Giver', donorEmail: 'ben@example.test', note: '', test: true });
  return r;
}

const checkoutCompleted = (r: string, mode: 'payment' | 'subscription', extra: Record<string, unknown> = {}) =>
  event('checkout.session.completed', {
    id: id('cs_test'),
    object: 'checkout.session',
    mode,
    status: 'complete',
    payment_status: 'paid',
    amount_total: 2500,
    currency: 'eur',
    client_reference_id: r,
    metadata: { masthead_ref: r },
    customer_details: { email: 'Ada@Example.test', name: 'Ada R.' },
    payment_intent: mode === 'payment' ? id('pi') : null,
    subscription: mode === 'subscription' ? id('sub') : null,
    customer: id('cus'),
    ...extra,
  });

function invoicePaid(subscription: string, r: string, amount: number, currency: string, invoiceId = id('in')) {
  return event('invoice.paid', {
    id: invoiceId,
    object: 'invoice',
    amount_paid: amount,
    currency,
    customer: 'cus_x',
    status_transitions: { paid_at: now() },
    parent: { type: 'subscription_details', subscription_details: { subscription, metadata: { masthead_ref: r } } },
  });
}

const donationsOf = async (giftRef: string) => {
  const found = await getGiftByRef(giftRef);
  if (found?.kind !== 'gift') throw new Error('not a gift');
  return db.select().from(donations).where(eq(donations.recurringGiftId, found.gift.id));
};

describe('signatures', () => {
  it('a correctly signed checkout.session.completed marks the one-time gift received', async () => {
    const r = await pendingOnce();
    const body = checkoutCompleted(r, 'payment');
    const response = await deliver(body);
    expect(response).toEqual({ status: 200, body: { received: true, duplicate: false } });
    const found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation).toMatchObject({
      status: 'paid',
      amount: 2500,
      currency: 'EUR',
      donorEmail: 'ada@example.test',
      donorName: 'Ada Reader',
      stripePaymentIntentId: (body.data.object as { payment_intent: string }).payment_intent,
    });
    expect(await isStripeEventProcessed(body.id)).toBe(true);
  });

  it('a tampered body is refused with 400 and changes nothing', async () => {
    const r = await pendingOnce();
    const body = checkoutCompleted(r, 'payment');
    const payload = JSON.stringify(body);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const tampered = payload.replace('"amount_total":2500', '"amount_total":1');
    const response = await POST(signedRequest(tampered, { signature: header }));
    expect(response.status).toBe(400);
    const found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation.status).toBe('pending');
    expect(await isStripeEventProcessed(body.id)).toBe(false);
  });

  it('a stale signature (older than five minutes) is refused with 400', async () => {
    const r = await pendingOnce();
    const body = checkoutCompleted(r, 'payment');
    const response = await deliver(body, { timestamp: now() - 6 * 60 });
    expect(response.status).toBe(400);
    const found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation.status).toBe('pending');
  });

  it('a signature made with another secret, or none at all, is refused with 400', async () => {
    const body = checkoutCompleted(await pendingOnce(), 'payment');
    expect((await deliver(body, { secret: 'whsec_someone_else' })).status).toBe(400);
    expect((await deliver(body, { signature: null })).status).toBe(400);
    expect((await deliver(body, { signature: 't=1,v1=deadbeef' })).status).toBe(400);
  });

  it('a body far larger than any Stripe event is refused before it is read as one', async () => {
    const body = checkoutCompleted(await pendingOnce(), 'payment');
    const response = await deliver({ ...body, padding: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
  });

  it('without STRIPE_WEBHOOK_SECRET the endpoint answers 503, so Stripe keeps the event and retries', async () => {
    delete process.env.STRIPE_WEBHOOK_SECRET;
    const body = checkoutCompleted(await pendingOnce(), 'payment');
    expect((await deliver(body)).status).toBe(503);
  });
});

describe('each event once', () => {
  it('the same invoice.paid delivered three times records one payment', async () => {
    const r = await pendingMonthly();
    const subscription = id('sub');
    const body = invoicePaid(subscription, r, 1000, 'usd');
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await deliver(body));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.body.duplicate)).toEqual([false, true, true]);
    const rows = await donationsOf(r);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amount: 1000, currency: 'USD', frequency: 'monthly', status: 'paid', donorName: 'Ben Giver' });
  });

  it('three deliveries at once still record one payment', async () => {
    const r = await pendingMonthly();
    const body = invoicePaid(id('sub'), r, 1000, 'usd');
    const answers = await Promise.all([deliver(body), deliver(body), deliver(body)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(await donationsOf(r)).toHaveLength(1);
  });

  it('the same invoice in two different events is still one payment (the invoice id is unique)', async () => {
    const r = await pendingMonthly();
    const subscription = id('sub');
    const invoiceId = id('in');
    await deliver(invoicePaid(subscription, r, 1000, 'usd', invoiceId));
    await deliver(invoicePaid(subscription, r, 1000, 'usd', invoiceId));
    expect(await donationsOf(r)).toHaveLength(1);
  });

  it('the same checkout.session.completed three times leaves one received gift', async () => {
    const r = await pendingOnce();
    const body = checkoutCompleted(r, 'payment');
    for (let i = 0; i < 3; i++) expect((await deliver(body)).status).toBe(200);
    const rows = await db.select().from(donations).where(eq(donations.ref, r));
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('paid');
  });
});

describe('recurring gifts through their lifecycle', () => {
  it('checkout, payments, an update and the cancellation', async () => {
    const r = await pendingMonthly(1500, 'GBP');
    const subscription = id('sub');
    const customer = id('cus');
    // Stripe does not promise order: the first invoice may come before the checkout event.
    await deliver(invoicePaid(subscription, r, 1500, 'gbp'));
    await deliver(checkoutCompleted(r, 'subscription', { subscription, customer, amount_total: 1500, currency: 'gbp' }));
    let found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift).toMatchObject({ status: 'active', stripeSubscriptionId: subscription, currency: 'GBP', amount: 1500 });
    await deliver(invoicePaid(subscription, r, 1500, 'gbp'));
    expect(await donationsOf(r)).toHaveLength(2);

    const periodEnd = now() + 30 * 86_400;
    const updated = event('customer.subscription.updated', {
      id: subscription,
      object: 'subscription',
      status: 'past_due',
      customer,
      metadata: { masthead_ref: r },
      cancel_at_period_end: true,
      items: { data: [{ quantity: 1, current_period_end: periodEnd, price: { unit_amount: 1500, currency: 'gbp' } }] },
    });
    await deliver(updated);
    found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift).toMatchObject({ status: 'past_due', cancelAtPeriodEnd: true, currentPeriodEnd: new Date(periodEnd * 1000) });

    await deliver(event('customer.subscription.deleted', { id: subscription, object: 'subscription', status: 'canceled', customer, metadata: { masthead_ref: r }, ended_at: now() }));
    found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift.status).toBe('cancelled');
    expect(found?.kind === 'gift' && found.gift.cancelledAt).toBeInstanceOf(Date);

    // A late, older update cannot bring a cancelled gift back.
    await deliver({ ...updated, id: id('evt'), data: { object: { ...updated.data.object, status: 'active' } } });
    found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift.status).toBe('cancelled');
  });

  it('an older subscription update delivered after a newer one changes nothing', async () => {
    const r = await pendingMonthly();
    const subscription = id('sub');
    await deliver(checkoutCompleted(r, 'subscription', { subscription }));
    const base = { id: subscription, object: 'subscription', customer: 'cus_x', metadata: { masthead_ref: r }, cancel_at_period_end: false, items: { data: [] } };
    await deliver(event('customer.subscription.updated', { ...base, status: 'paused' }, { created: now() }));
    await deliver(event('customer.subscription.updated', { ...base, status: 'active' }, { created: now() - 3600 }));
    const found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift.status).toBe('paused');
  });

  it('an invoice from the older API shape (subscription at the top) is understood too', async () => {
    const r = await pendingMonthly();
    const subscription = id('sub');
    await deliver(checkoutCompleted(r, 'subscription', { subscription }));
    await deliver(event('invoice.paid', { id: id('in'), object: 'invoice', amount_paid: 1000, currency: 'usd', subscription, payment_intent: id('pi'), status_transitions: { paid_at: now() } }));
    expect(await donationsOf(r)).toHaveLength(1);
  });

  it('a checkout that expired unpaid is marked abandoned, and a later completion still counts', async () => {
    const r = await pendingMonthly();
    await deliver(event('checkout.session.expired', { id: id('cs_test'), object: 'checkout.session', mode: 'subscription', metadata: { masthead_ref: r }, client_reference_id: r }));
    let found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift.status).toBe('abandoned');
    await deliver(checkoutCompleted(r, 'subscription'));
    found = await getGiftByRef(r);
    expect(found?.kind === 'gift' && found.gift.status).toBe('active');
  });
});

describe('refunds', () => {
  it('charge.refunded records a partial, then a full refund; repeats change nothing', async () => {
    const r = await pendingOnce(5000, 'USD');
    const body = checkoutCompleted(r, 'payment', { amount_total: 5000, currency: 'usd' });
    await deliver(body);
    const paymentIntent = (body.data.object as { payment_intent: string }).payment_intent;
    const refund = (amount: number) => event('charge.refunded', { id: id('ch'), object: 'charge', amount: 5000, amount_refunded: amount, refunded: amount === 5000, payment_intent: paymentIntent });

    await deliver(refund(2000));
    let found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation).toMatchObject({ status: 'partially_refunded', refundedAmount: 2000 });
    const full = refund(5000);
    await deliver(full);
    await deliver(full);
    found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
    // An older, smaller total arriving late does not undo it.
    await deliver(refund(2000));
    found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation.refundedAmount).toBe(5000);
  });

  it('a refund of a recurring payment is found by its payment intent', async () => {
    const r = await pendingMonthly();
    const subscription = id('sub');
    const paymentIntent = id('pi');
    await deliver(checkoutCompleted(r, 'subscription', { subscription }));
    await deliver(
      event('invoice.paid', {
        id: id('in'),
        object: 'invoice',
        amount_paid: 1000,
        currency: 'usd',
        status_transitions: { paid_at: now() },
        parent: { type: 'subscription_details', subscription_details: { subscription, metadata: { masthead_ref: r } } },
        payments: { data: [{ payment: { type: 'payment_intent', payment_intent: paymentIntent } }] },
      }),
    );
    await deliver(event('charge.refunded', { id: id('ch'), object: 'charge', amount: 1000, amount_refunded: 1000, payment_intent: paymentIntent }));
    const [payment] = await donationsOf(r);
    expect(payment).toMatchObject({ status: 'refunded', refundedAmount: 1000 });
  });
});

describe('events that are not about our gifts', () => {
  it('are acknowledged, recorded once and ignored', async () => {
    const body = event('checkout.session.completed', { id: id('cs_test'), object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: {} });
    expect((await deliver(body)).status).toBe(200);
    const other = event('customer.created', { id: id('cus'), object: 'customer' });
    expect((await deliver(other)).body).toEqual({ received: true, duplicate: false });
    expect((await deliver(other)).body).toEqual({ received: true, duplicate: true });
  });
});

describe('while the database is down', () => {
  it('the endpoint answers 503 so Stripe retries, and the retry succeeds once it is back', async () => {
    const r = await pendingOnce();
    const body = checkoutCompleted(r, 'payment');
    const url = process.env.DATABASE_URL!;
    // A port nothing listens on.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    await closeDb();
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${closed}/postgres`;
    try {
      const response = await deliver(body);
      expect(response.status).toBe(503);
    } finally {
      await closeDb();
      process.env.DATABASE_URL = url;
    }
    expect(await isStripeEventProcessed(body.id)).toBe(false);
    expect((await deliver(body)).status).toBe(200);
    const found = await getGiftByRef(r);
    expect(found?.kind === 'donation' && found.donation.status).toBe('paid');
  });
});

