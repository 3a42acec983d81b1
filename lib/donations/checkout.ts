import 'server-only';
import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { createPendingGift, discardPendingGift, getGiftByRef, setCheckoutSession } from '@/db/queries/donations';
import { absoluteUrl } from '@/lib/site-url';
import { getStripe, recordsTestGifts } from '@/lib/stripe';
import type { DonationDraft } from '@/lib/validation/donation';
import { processStripeEvent, REF_KEY } from './stripe-events';

export type StartResult = { ok: true; redirectTo: string } | { ok: false; error: string };

const thanksPath = (ref: string) => `/support/thanks?ref=${encodeURIComponent(ref)}`;

const PRODUCT: Record<DonationDraft['frequency'], string> = { once: 'Donation', monthly: 'Monthly donation', annually: 'Annual donation' };

/** What Masthead asks Stripe for: a Checkout Session, in payment mode for once and subscription mode (inline price) otherwise. */
export function checkoutSessionParams(draft: DonationDraft, newsroom: string): Stripe.Checkout.SessionCreateParams {
  const description = `${PRODUCT[draft.frequency]} to ${newsroom}`;
  const metadata = { [REF_KEY]: draft.ref, masthead_frequency: draft.frequency };
  const common = {
    client_reference_id: draft.ref,
    metadata,
    ...(draft.donorEmail ? { customer_email: draft.donorEmail } : {}),
    // {CHECKOUT_SESSION_ID} is filled in by Stripe.
    success_url: absoluteUrl(`${thanksPath(draft.ref)}&session_id={CHECKOUT_SESSION_ID}`),
    cancel_url: absoluteUrl(`/support/cancelled?ref=${encodeURIComponent(draft.ref)}`),
  };
  const priceData = {
    currency: draft.currency.toLowerCase(),
    unit_amount: draft.amount,
    product_data: { name: description },
  };
  if (draft.frequency === 'once') {
    return {
      ...common,
      mode: 'payment',
      submit_type: 'donate',
      line_items: [{ quantity: 1, price_data: priceData }],
      payment_intent_data: { description, metadata },
    };
  }
  return {
    ...common,
    mode: 'subscription',
    line_items: [{ quantity: 1, price_data: { ...priceData, recurring: { interval: draft.frequency === 'monthly' ? 'month' : 'year' } } }],
    subscription_data: { description, metadata },
  };
}

/**
 * The confirmed gift: a pending row first (named by the draft's ref), then
 * Stripe Checkout; or, in test mode, the events Stripe would send, through
 * the same code that handles Stripe's webhooks. Repeating it for the same
 * draft (a double click) reuses what the first call made.
 */
export async function startDonation(draft: DonationDraft, newsroom: string): Promise<StartResult> {
  const stripe = getStripe();
  const existing = await getGiftByRef(draft.ref);
  if (existing) {
    const row = existing.kind === 'donation' ? existing.donation : existing.gift;
    if (row.status !== 'pending' && row.status !== 'abandoned') return { ok: true, redirectTo: thanksPath(draft.ref) };
    if (!stripe) {
      // Test mode, interrupted part-way: the same events again settle it.
      await recordTestGift(draft);
      return { ok: true, redirectTo: thanksPath(draft.ref) };
    }
    if (row.stripeCheckoutSessionId) {
      const session = await stripe.checkout.sessions.retrieve(row.stripeCheckoutSessionId);
      if (session.status === 'open' && session.url) return { ok: true, redirectTo: session.url };
      if (session.status === 'complete') return { ok: true, redirectTo: thanksPath(draft.ref) };
    }
    return openCheckout(stripe, draft, newsroom, existing.kind, row.id, false);
  }

  const created = await createPendingGift({ ...draft, test: recordsTestGifts() });
  if (!stripe) {
    await recordTestGift(draft);
    return { ok: true, redirectTo: thanksPath(draft.ref) };
  }
  return openCheckout(stripe, draft, newsroom, created.kind, created.row.id, true);
}

async function openCheckout(stripe: Stripe, draft: DonationDraft, newsroom: string, kind: 'donation' | 'gift', id: string, fresh: boolean): Promise<StartResult> {
  try {
    const session = await stripe.checkout.sessions.create(checkoutSessionParams(draft, newsroom), {
      // A retry of the same request (the SDK's own, or ours) cannot open a second checkout.
      idempotencyKey: `masthead-checkout-${draft.ref}-${fresh ? 1 : Date.now()}`,
    });
    if (!session.url) throw new Error('Stripe returned a Checkout Session without a URL');
    await setCheckoutSession(kind, id, session.id);
    return { ok: true, redirectTo: session.url };
  } catch (error) {
    const e = error as { type?: string; code?: string; message?: string };
    console.error(`[donations] could not open a Stripe checkout: ${e.type ?? 'error'} ${e.code ?? ''} ${e.message ?? ''}`.trim());
    if (fresh) await discardPendingGift(kind, id).catch(() => {});
    return { ok: false, error: 'We could not reach our payment provider, so nothing was charged. Please try again in a minute.' };
  }
}

/**
 * Test mode: the events Stripe would send for this checkout, made here and
 * handled by the webhook's own code (the same event-once rule, the same
 * effects). Nothing leaves the server; no card is involved.
 */
export async function recordTestGift(draft: DonationDraft, now = new Date()): Promise<void> {
  const seconds = Math.floor(now.getTime() / 1000);
  const ids = {
    session: `cs_masthead_test_${draft.ref}`,
    customer: `cus_masthead_test_${draft.ref}`,
    subscription: `sub_masthead_test_${draft.ref}`,
    paymentIntent: `pi_masthead_test_${draft.ref}`,
    invoice: `in_masthead_test_${draft.ref}_1`,
  };
  const metadata = { [REF_KEY]: draft.ref };
  const recurring = draft.frequency !== 'once';
  const event = (type: string, object: Record<string, unknown>) =>
    ({ id: `evt_masthead_test_${randomUUID().replace(/-/g, '')}`, object: 'event', type, created: seconds, livemode: false, data: { object } }) as unknown as Stripe.Event;

  await processStripeEvent(
    event('checkout.session.completed', {
      id: ids.session,
      object: 'checkout.session',
      mode: recurring ? 'subscription' : 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: draft.amount,
      currency: draft.currency.toLowerCase(),
      client_reference_id: draft.ref,
      metadata,
      customer: recurring ? ids.customer : null,
      customer_details: { email: draft.donorEmail || null, name: draft.donorName || null },
      payment_intent: recurring ? null : ids.paymentIntent,
      subscription: recurring ? ids.subscription : null,
    }),
  );
  if (!recurring) return;

  const periodEnd = new Date(now);
  if (draft.frequency === 'monthly') periodEnd.setUTCMonth(periodEnd.getUTCMonth() + 1);
  else periodEnd.setUTCFullYear(periodEnd.getUTCFullYear() + 1);
  await processStripeEvent(
    event('invoice.paid', {
      id: ids.invoice,
      object: 'invoice',
      amount_paid: draft.amount,
      currency: draft.currency.toLowerCase(),
      customer: ids.customer,
      status: 'paid',
      status_transitions: { paid_at: seconds },
      parent: { type: 'subscription_details', subscription_details: { subscription: ids.subscription, metadata } },
      payments: { data: [{ payment: { type: 'payment_intent', payment_intent: ids.paymentIntent } }] },
    }),
  );
  await processStripeEvent(
    event('customer.subscription.updated', {
      id: ids.subscription,
      object: 'subscription',
      status: 'active',
      customer: ids.customer,
      metadata,
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      items: {
        data: [
          {
            quantity: 1,
            current_period_end: Math.floor(periodEnd.getTime() / 1000),
            price: { unit_amount: draft.amount, currency: draft.currency.toLowerCase(), recurring: { interval: draft.frequency === 'monthly' ? 'month' : 'year' } },
          },
        ],
      },
    }),
  );
}

/** Test mode's stand-in for cancelling in Stripe's billing portal: the event Stripe would send. */
export async function cancelTestGift(gift: { ref: string; stripeSubscriptionId: string | null; stripeCustomerId: string | null }, now = new Date()): Promise<void> {
  const seconds = Math.floor(now.getTime() / 1000);
  await processStripeEvent({
    id: `evt_masthead_test_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    type: 'customer.subscription.deleted',
    created: seconds,
    livemode: false,
    data: {
      object: {
        id: gift.stripeSubscriptionId ?? `sub_masthead_test_${gift.ref}`,
        object: 'subscription',
        status: 'canceled',
        customer: gift.stripeCustomerId,
        metadata: { [REF_KEY]: gift.ref },
        cancel_at_period_end: false,
        canceled_at: seconds,
        ended_at: seconds,
      },
    },
  } as unknown as Stripe.Event);
}

